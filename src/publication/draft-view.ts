import type { Part } from '../decisions/decisions.tables.ts';
import { PART_LABELS, PARTS } from '../decisions/labels.ts';
import { entryView, type PlanEntryView, type PlanView } from '../plans/plan.service.ts';
import { type Draft, type DraftEntry } from './draft-assembly.ts';

function draftEntryView(entry: DraftEntry): PlanEntryView {
  return entryView({ ...entry.snapshot, decision_id: entry.decisionId, position: entry.position });
}

/**
 * The draft in the very shape a published plan is shown in, so the preview renders through the
 * public plan's templates and looks exactly as the plan will.
 */
export function draftPlanView(draft: Draft): PlanView {
  const { entries } = draft;
  const count = (part: Part) => entries.filter((e) => e.part === part).length;
  const fresh = entries.filter((e) => e.advertised === 'new').length;
  return {
    publishedOn: draft.publishedOn,
    keyDecisionsFrom: draft.keyDecisionsFrom,
    isLatest: true,
    url: `/plans/${draft.publishedOn}`,
    parts: PARTS.map((part) => ({
      part,
      number: PART_LABELS[part].number,
      heading: PART_LABELS[part].long,
      newEntries: entries.filter((e) => e.part === part && e.advertised === 'new').map(draftEntryView),
      previousEntries: entries.filter((e) => e.part === part && e.advertised === 'previous').map(draftEntryView),
    })),
    counts: {
      key: count('key'), private: count('private'), non_key: count('non_key'), urgent: count('urgent'),
      total: entries.length, new: fresh, previous: entries.length - fresh,
    },
  };
}
