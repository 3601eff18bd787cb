import { today } from '../../src/lib/clock.ts';
import { formatLongDate, isIsoDate } from '../../src/lib/dates.ts';
import { summaryLines } from '../../src/publication/draft-summary.ts';
import { parseArgs, write, type Command } from './command.ts';

/**
 * The publish button for automation and recovery: the same draft, the same checks, the same
 * publication (one service call). Without --date the plan is dated today; --date publishes a
 * plan that should have gone out on an earlier day (never a later one).
 */
export const publishCommand: Command = {
  name: 'publish',
  usage: 'publish [--dry-run] [--date YYYY-MM-DD]   print the next plan\'s summary and rule breaches, and publish it unless --dry-run',
  async run(args, deps, io) {
    const { positional, options } = parseArgs(args, ['dry-run']);
    const date = options.date === undefined ? today(deps.clock) : options.date;
    if (positional.length > 0 || typeof date !== 'string' || !isIsoDate(date)) {
      write(io.stderr, `Usage: npm run fp -- ${this.usage}${typeof date === 'string' && !isIsoDate(date) ? `\n'${date}' is not a date written as YYYY-MM-DD.` : ''}`);
      return 2;
    }
    const prepared = await deps.publication.prepare(date);
    write(io.stdout, summaryLines(prepared.summary, prepared.breaches).join('\n'));
    if (prepared.blocker?.kind === 'already_published') write(io.stdout, `A plan dated ${formatLongDate(date)} is already published: /plans/${date}`);
    if (options['dry-run'] === true) return 0;

    const outcome = await deps.publication.publish({ publishedOn: date, userId: null });
    if (outcome.status === 'refused') {
      write(io.stderr, ['The plan was not published; nothing was changed.', ...outcome.reasons.map((r) => `- ${r}`)].join('\n'));
      return 1;
    }
    write(
      io.stdout,
      outcome.status === 'published'
        ? `Published the plan dated ${formatLongDate(date)}: /plans/${date}`
        : `Nothing published: the plan dated ${formatLongDate(date)} was already published (/plans/${date}).`,
    );
    return 0;
  },
};
