import { readFile } from 'node:fs/promises';
import { PlanFileError } from '../../src/plans/plan-csv.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { loadSample } from '../../src/sample/load-sample.ts';
import { parseArgs, write, type Command } from './command.ts';

export const importPlanCommand: Command = {
  name: 'import-plan',
  usage: 'import-plan FILE.csv --published YYYY-MM-DD [--key-decisions-from YYYY-MM-DD]   record a published plan',
  async run(args, deps, io) {
    const { positional, options } = parseArgs(args);
    const [file] = positional;
    const published = options.published;
    if (!file || typeof published !== 'string') {
      write(io.stderr, `Usage: npm run fp -- ${this.usage}`);
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      write(io.stderr, `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return 1;
    }
    try {
      const keyFrom = typeof options['key-decisions-from'] === 'string' ? options['key-decisions-from'] : undefined;
      const { clearDays } = await deps.settings.get();
      const summary = await importPlan(deps.db, bytes, published, { ...(keyFrom ? { keyDecisionsFrom: keyFrom } : {}), clearDays, alerts: deps.alerts });
      deps.council.forget();
      if (summary.status === 'unchanged') {
        write(io.stdout, `The plan published ${summary.publishedOn} is already recorded exactly as in this file; nothing changed.`);
        return 0;
      }
      const p = summary.byPart;
      write(io.stdout, [
        `Imported the plan published ${summary.publishedOn} (key decisions from ${summary.keyDecisionsFrom}).`,
        `${summary.entries} entries: ${p.key} key, ${p.private} private, ${p.non_key} non-key, ${p.urgent} urgent; ${summary.newEntries} new, ${summary.previousEntries} previously advertised.`,
        `Decisions created: ${summary.decisionsCreated}; updated: ${summary.decisionsUpdated}.`,
      ].join('\n'));
      const review = await deps.referenceData.needingReview();
      if (review.length > 0) {
        write(io.stdout, `New names to review (merge them with \`npm run fp -- merge\` if they are other spellings):\n${review.map((r) => `  ${r.kind} ${r.slug}: ${r.name}`).join('\n')}`);
      }
      return 0;
    } catch (error) {
      if (error instanceof PlanFileError) {
        write(io.stderr, `The plan was not imported; nothing was changed.\n${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};

export const loadSampleCommand: Command = {
  name: 'load-sample',
  usage: 'load-sample   load the sample council and its plan of 23 February 2024',
  async run(_args, deps, io) {
    const summary = await loadSample(deps);
    write(io.stdout, summary.status === 'unchanged' ? 'The sample plan is already loaded.' : `Loaded the sample plan: ${summary.entries} entries.`);
    return 0;
  },
};
