import type { Updateable } from 'kysely';
import type { DecisionTable, WardScope } from '../decisions.tables.ts';
import type { DecisionInput } from './decision-form.ts';

/** The decisions columns a staff form sets (the portfolio and printed wards are worked out apart). */
export function columnsOf(input: DecisionInput) {
  return {
    title: input.title,
    description: input.description,
    estimated_value_pounds: input.estimatedValuePounds,
    part: input.part,
    is_key: input.isKey,
    exempt_paragraph: input.exemptParagraph,
    exemption_reason: input.exemptionReason,
    non_key_reason: input.nonKeyReason,
    decision_maker_id: input.decisionMakerId,
    expected_date: input.expected.date,
    expected_precision: input.expected.precision,
    expected_date_text: input.expected.text,
    expected_date_note: input.expected.note,
    ward_scope: input.wardScope,
    directorate_id: input.directorateId,
    consultation: input.consultation,
    contacts: input.contacts,
    documents: input.documents,
    internal_notes: input.internalNotes,
  } satisfies Updateable<DecisionTable>;
}

/**
 * The wards column as a plan prints it, in words the import reads back to the same wards
 * ('All Wards', 'Not ward specific', 'Central, East and West').
 */
export function printedWards(scope: WardScope, names: string[]): string {
  if (scope === 'all') return 'All Wards';
  if (scope === 'none' || names.length === 0) return 'Not ward specific';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

export function sameMembers(a: number[], b: number[]): boolean {
  return a.length === b.length && [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);
}

export function sameOrder(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The fields a created record lists: the ones given a value. */
export function createdFields(state: Record<string, unknown>): Record<string, { from: null; to: unknown }> {
  const fields: Record<string, { from: null; to: unknown }> = {};
  for (const [key, value] of Object.entries(state)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    fields[key] = { from: null, to: value };
  }
  return fields;
}
