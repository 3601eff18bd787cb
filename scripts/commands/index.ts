import type { Command } from './command.ts';
import { mergeCommand, reviewCommand } from './reference.ts';
import { migrateCommand } from './migrate.ts';
import { importPlanCommand, loadSampleCommand } from './plan-import.ts';
import { userCommand } from './user.ts';
import { publishCommand } from './publish.ts';

/** Every command of `npm run fp`; add a module's commands here. */
export const commands: Command[] = [
  migrateCommand,
  importPlanCommand,
  loadSampleCommand,
  reviewCommand,
  mergeCommand,
  userCommand,
  publishCommand,
];
