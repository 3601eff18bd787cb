import type { EntityKind } from '../../src/reference-data/reference-data.tables.ts';
import { MergeError, mergeEntities } from '../../src/reference-data/merge.ts';
import { parseArgs, write, type Command } from './command.ts';

const KINDS: Record<string, EntityKind> = {
  committee: 'committee',
  ward: 'ward',
  directorate: 'directorate',
  maker: 'decision_maker',
  'decision-maker': 'decision_maker',
};

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'merge committee|ward|directorate|maker FROM-SLUG INTO-SLUG   fold a duplicate (and its spellings) into another',
  async run(args, deps, io) {
    const { positional } = parseArgs(args);
    const [kindName, from, into] = positional;
    const kind = kindName ? KINDS[kindName] : undefined;
    if (!kind || !from || !into) {
      write(io.stderr, `Usage: npm run fp -- ${this.usage}`);
      return 2;
    }
    try {
      const result = await mergeEntities(deps.db, kind, from, into);
      write(io.stdout, `Merged '${result.from}' into '${result.into}' (${result.decisions} decision links moved).`);
      return 0;
    } catch (error) {
      if (error instanceof MergeError) {
        write(io.stderr, error.message);
        return 1;
      }
      throw error;
    }
  },
};

export const reviewCommand: Command = {
  name: 'review',
  usage: 'review   list names that imports created and nobody has reviewed',
  async run(_args, deps, io) {
    const rows = await deps.referenceData.needingReview();
    write(io.stdout, rows.length ? rows.map((r) => `${r.kind}\t${r.slug}\t${r.name}`).join('\n') : 'Nothing to review.');
    return 0;
  },
};
