import type { PublicDecision } from '../decisions/decision.view.ts';

export interface Fact {
  label: string;
  text: string;
}

function wardsText(d: PublicDecision): string {
  if (d.wards.scope === 'all') return 'All wards';
  if (d.wards.scope === 'none') return 'Not specific to any ward';
  return d.wards.wards.map((w) => w.name).join(', ') || d.wards.asPrinted;
}

/** Why a Part 2 decision is private, as its public notice says: never the exempt information. */
function privacyText(d: PublicDecision): string | undefined {
  if (!d.exemption) return undefined;
  const { paragraph, description, reason } = d.exemption;
  const parts = [
    paragraph ? `Paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972${description ? `: ${description}.` : '.'}` : '',
    reason,
  ].filter((p) => p.trim() !== '');
  return parts.length ? parts.join(' ') : 'See the documents listed in the plan.';
}

/**
 * The facts of a decision that feeds and calendars repeat, in the order the decision page shows
 * them. Built from PublicDecision alone, the shape that holds only what the plan makes public.
 */
export function decisionFacts(d: PublicDecision): Fact[] {
  const facts: (Fact | undefined)[] = [
    d.reference ? { label: 'Reference', text: d.reference } : undefined,
    { label: 'Status', text: d.statusLabel },
    { label: 'Part of the plan', text: d.partLabel },
    { label: 'Decision maker', text: d.decisionMaker.portfolio ? `${d.decisionMaker.name}, ${d.decisionMaker.portfolio}` : d.decisionMaker.name },
    { label: 'Date decision expected', text: d.expectedDate.label },
    { label: 'Relevant scrutiny committee', text: d.scrutinyCommittees.map((c) => c.name).join(', ') || '–' },
    { label: 'Wards', text: wardsText(d) },
    { label: 'Directorate', text: d.directorate.name },
    d.consultation ? { label: 'Consultation', text: d.consultation } : undefined,
    d.contacts ? { label: 'Contact details / report authors', text: d.contacts } : undefined,
    d.documents ? { label: 'Documents relevant to the decision', text: d.documents } : undefined,
  ];
  const privacy = privacyText(d);
  if (privacy) facts.push({ label: 'Why it is to be taken in private', text: privacy });
  return facts.filter((f): f is Fact => f !== undefined);
}
