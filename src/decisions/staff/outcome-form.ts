import { FormErrors, type FormReader } from '../../http/forms.ts';
import { dateErrorId, parseDateParts, readDateParts, type DateParts } from './date-input.ts';
import { MAX_FIELD_LENGTH, readExpectedDate, type ExpectedDateValue } from './decision-form.ts';

/*
 * The outcome forms. "Taken" holds the record regulations 12 and 13 of the 2012 Regulations
 * require (the decision, the date, the reasons, the alternatives considered and rejected);
 * "withdrawn" a reason; "deferred" the new expected date, typed as plans print it.
 */

export interface TakenValues {
  takenOn: DateParts;
  decisionMaker: string;
  summary: string;
  reasons: string;
  alternatives: string;
  noticeUrl: string;
  conflictsOfInterest: string;
  dispensations: string;
  /** The box "It was taken without the required notice", and why. */
  withoutNotice: boolean;
  withoutNoticeReason: string;
}

export interface TakenInput {
  takenOn: string;
  decisionMaker: string;
  summary: string;
  reasons: string;
  alternatives: string;
  noticeUrl: string;
  /** Regulation 13: declared by an executive member consulted, and granted by the head of paid service; '' when none. */
  conflictsOfInterest?: string;
  dispensations?: string;
  /** Recorded by a publisher when it broke a notice rule on its date; null when it met them. */
  withoutNotice: { reason: string } | null;
}

export function readTakenForm(form: FormReader): TakenValues {
  return {
    takenOn: readDateParts(form, 'takenOn'),
    decisionMaker: form.text('decisionMaker'),
    summary: form.multiline('summary'),
    reasons: form.multiline('reasons'),
    alternatives: form.multiline('alternatives'),
    noticeUrl: form.text('noticeUrl'),
    conflictsOfInterest: form.multiline('conflictsOfInterest'),
    dispensations: form.multiline('dispensations'),
    withoutNotice: form.text('withoutNotice') === 'yes',
    withoutNoticeReason: form.multiline('withoutNoticeReason'),
  };
}

/** The fields as the form posts them, for the hidden fields of the check-your-answers page. */
export function takenFormFields(values: TakenValues): Record<string, string> {
  return {
    'takenOn-day': values.takenOn.day,
    'takenOn-month': values.takenOn.month,
    'takenOn-year': values.takenOn.year,
    decisionMaker: values.decisionMaker,
    summary: values.summary,
    reasons: values.reasons,
    alternatives: values.alternatives,
    noticeUrl: values.noticeUrl,
    conflictsOfInterest: values.conflictsOfInterest,
    dispensations: values.dispensations,
    withoutNotice: values.withoutNotice ? 'yes' : '',
    withoutNoticeReason: values.withoutNotice ? values.withoutNoticeReason : '',
  };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function checkLength(errors: FormErrors, id: string, value: string, label: string): void {
  if (value.length > MAX_FIELD_LENGTH) errors.add(id, `${label} must be ${MAX_FIELD_LENGTH.toLocaleString('en-GB')} characters or fewer`);
}

export function validateTaken(values: TakenValues, today: string): { ok: true; input: TakenInput } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors();
  const date = parseDateParts(values.takenOn, 'the date the decision was taken', { required: true });
  if (!date.ok) errors.add(dateErrorId('takenOn'), date.message);
  else if (date.date! > today) errors.add(dateErrorId('takenOn'), 'The date the decision was taken must be today or in the past');
  if (values.decisionMaker === '') errors.add('decisionMaker', 'Enter who took the decision');
  checkLength(errors, 'decisionMaker', values.decisionMaker, 'Who took the decision');
  if (values.summary === '') errors.add('summary', 'Enter a summary of the decision');
  checkLength(errors, 'summary', values.summary, 'The summary');
  if (values.reasons === '') errors.add('reasons', 'Enter the reasons for the decision');
  checkLength(errors, 'reasons', values.reasons, 'The reasons');
  if (values.alternatives === '') errors.add('alternatives', 'Enter the alternative options considered and rejected, or say that there were none');
  checkLength(errors, 'alternatives', values.alternatives, 'The alternatives');
  if (values.noticeUrl !== '' && !isWebAddress(values.noticeUrl)) {
    errors.add('noticeUrl', 'Enter the address of the decision notice starting https://, for example https://democracy.example.gov.uk/notice/123');
  }
  checkLength(errors, 'noticeUrl', values.noticeUrl, 'The address');
  checkLength(errors, 'conflictsOfInterest', values.conflictsOfInterest, 'The conflicts of interest');
  checkLength(errors, 'dispensations', values.dispensations, 'The dispensations');
  if (values.withoutNotice && values.withoutNoticeReason === '') {
    errors.add('withoutNoticeReason', 'Enter why it was taken without the required notice');
  }
  if (values.withoutNotice) checkLength(errors, 'withoutNoticeReason', values.withoutNoticeReason, 'The reason');
  if (errors.any || !date.ok) return { ok: false, errors };
  const { withoutNotice, withoutNoticeReason, ...record } = values;
  return { ok: true, input: { ...record, takenOn: date.date!, withoutNotice: withoutNotice ? { reason: withoutNoticeReason } : null } };
}

export interface WithdrawnValues {
  reason: string;
}

export function validateWithdrawn(values: WithdrawnValues): { ok: true; input: WithdrawnValues } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors();
  if (values.reason === '') errors.add('reason', 'Enter why the decision was withdrawn');
  checkLength(errors, 'reason', values.reason, 'The reason');
  return errors.any ? { ok: false, errors } : { ok: true, input: values };
}

export interface DeferredValues {
  expectedDate: string;
  reason: string;
}

export interface DeferredInput {
  expected: ExpectedDateValue;
  reason: string;
}

/** A month counts as past only once it has ended. */
function lastDayOf(expected: ExpectedDateValue): string {
  if (expected.precision === 'day') return expected.date;
  const [year, month] = expected.date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function validateDeferred(
  values: DeferredValues,
  context: { today: string; current: { date: string | null; precision: string | null } },
): { ok: true; input: DeferredInput } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors();
  const expected = readExpectedDate(values.expectedDate, { today: context.today });
  if (!expected.ok) errors.add('expectedDate', expected.message);
  else if (lastDayOf(expected.value) < context.today) errors.add('expectedDate', 'The new expected date must be today or later');
  else if (expected.value.date === context.current.date && expected.value.precision === context.current.precision) {
    errors.add('expectedDate', 'The new expected date is the same as the current one');
  }
  checkLength(errors, 'reason', values.reason, 'The reason');
  if (errors.any || !expected.ok) return { ok: false, errors };
  return { ok: true, input: { expected: expected.value, reason: values.reason } };
}
