import { formatDateTime } from '../../auth/format.ts';
import { formatPounds } from '../../lib/money.ts';
import { describeKeyDecisionTest, meetsKeyDecisionTest } from '../../rules/key-decision.ts';
import type { DecisionRow } from '../decisions.tables.ts';
import { expectedDateLabel, STATUS_LABELS } from '../labels.ts';
import type { FollowUpRow } from './follow-up.ts';
import { AGREEMENT_ROLE_LABELS } from './exception-form.ts';
import type { ExceptionRow } from './exception.repository.ts';
import { specialUrgencyRecord } from './staff-decision.view.ts';
import type { outcomesOf } from './outcome.repository.ts';
import { NOTICE_RULES } from '../../rules/notice-periods.ts';

/*
 * What the staff decision page shows, in the camelCase of the public view (PublicDecision),
 * made from the stored rows here so that templates never read a database column.
 */

/** The stored decision as staff read it: what the public view lacks or shows differently. */
export function staffDecisionView(row: DecisionRow) {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    status: row.status,
    part: row.part,
    isKey: row.is_key,
    expectedDateAsTyped: row.expected_date_text,
    wardScope: row.ward_scope,
    wardsAsPrinted: row.wards_text,
    consultation: row.consultation,
    contacts: row.contacts,
    documents: row.documents,
    exemptParagraph: row.exempt_paragraph,
    exemptionReason: row.exemption_reason,
    internalNotes: row.internal_notes,
  };
}

/**
 * Whether the decision meets the key-decision test with the council's threshold, and, for a
 * Part 3 decision that does, the reason kept for treating it as non-key. Staff only: the
 * estimate and the reason are not published.
 */
export function keyDecisionView(row: DecisionRow, listedWards: number, thresholdPounds: number) {
  const facts = { estimatedValuePounds: row.estimated_value_pounds, wardScope: row.ward_scope, listedWards };
  const test = meetsKeyDecisionTest(facts, thresholdPounds);
  const inPart3Anyway = row.part === 'non_key' && test.meets;
  return {
    meets: test.meets,
    summary: describeKeyDecisionTest(facts, thresholdPounds),
    estimate: row.estimated_value_pounds === null ? null : formatPounds(row.estimated_value_pounds),
    nonKeyReason: row.part === 'non_key' ? row.non_key_reason : '',
    /** In Part 3 though it meets the test, with no reason kept (an import, or a lower threshold since). */
    unexplained: inPart3Anyway && row.non_key_reason === '',
    inPart3Anyway,
  };
}

type OutcomeRow = Awaited<ReturnType<typeof outcomesOf>>[number];

export function outcomeView(o: OutcomeRow) {
  return {
    kind: o.kind,
    occurredOn: o.occurred_on,
    decisionMaker: o.decision_maker,
    summary: o.summary,
    reasons: o.reasons,
    alternativesConsidered: o.alternatives_considered,
    noticeUrl: o.notice_url,
    withdrawalReason: o.withdrawal_reason,
    withoutNotice: o.without_notice_rules.length
      ? { ruleNames: o.without_notice_rules.map((rule) => NOTICE_RULES[rule].name), reason: o.without_notice_reason }
      : null,
    newExpected: o.new_expected_date ? expectedDateLabel(o.new_expected_date, o.new_expected_precision) : null,
    recordedWhen: formatDateTime(o.recorded_at),
    recordedBy: o.recorded_by_name || o.recorded_by_email || '',
  };
}

export function specialUrgencyView(row: ExceptionRow | undefined) {
  const record = specialUrgencyRecord(row);
  return record && { ...record, roleLabel: record.agreedByRole ? AGREEMENT_ROLE_LABELS[record.agreedByRole] : '' };
}

/** A live decision past its expected date, for the dashboard and the follow-up page. */
export function followUpView(r: FollowUpRow) {
  return {
    id: r.id,
    title: r.title,
    reference: r.reference,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    makerName: r.maker_name,
    expected: expectedDateLabel(r.expected_date, r.expected_precision, r.expected_date_note),
  };
}
