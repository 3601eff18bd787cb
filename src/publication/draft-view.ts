import type { Part } from '../db/database.ts';
import { PART_LABELS } from '../decisions/labels.ts';
import type { PlanEntryView, PlanView } from '../plans/plan.service.ts';
import { PART_ORDER, type Draft, type DraftEntry } from './draft-assembly.ts';

function entryView(entry: DraftEntry): PlanEntryView {
  const s = entry.snapshot;
  return {
    decisionId: entry.decisionId,
    url: `/decisions/${entry.decisionId}`,
    position: entry.position,
    reference: s.reference,
    title: s.title,
    description: s.description,
    decisionMaker: s.decision_maker,
    expectedDate: { asPrinted: s.expected_date_text, date: s.expected_date ?? null, precision: s.expected_precision ?? null },
    scrutinyCommittee: s.scrutiny_committee,
    wards: s.wards,
    consultation: s.consultation,
    contacts: s.contacts,
    directorate: s.directorate,
    documents: s.documents,
  };
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
    parts: PART_ORDER.map((part) => ({
      part,
      number: PART_LABELS[part].number,
      heading: PART_LABELS[part].long,
      newEntries: entries.filter((e) => e.part === part && e.advertised === 'new').map(entryView),
      previousEntries: entries.filter((e) => e.part === part && e.advertised === 'previous').map(entryView),
    })),
    counts: {
      key: count('key'), private: count('private'), non_key: count('non_key'), urgent: count('urgent'),
      total: entries.length, new: fresh, previous: entries.length - fresh,
    },
  };
}
