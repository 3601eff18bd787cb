import { parseDateParts, dateErrorId, readDateParts, type DateParts } from '../decisions/staff/date-input.ts';
import { FormErrors, type FormReader } from '../http/forms.ts';
import { parseId } from '../lib/ids.ts';

/*
 * The regulation 18 form: which scrutiny committee resolved, when, its reasons, the date by which
 * the executive must report, and — filled in when the report is prepared — the decision maker's
 * view (why the decision was not treated as key) and the date the report went to the council.
 */

const MAX_TEXT = 10_000;

export interface Regulation18Values {
  committee: string;
  resolvedOn: DateParts;
  committeeReasons: string;
  reportDueOn: DateParts;
  decisionMakerView: string;
  reportedOn: DateParts;
}

export interface Regulation18Input {
  committeeId: number;
  resolvedOn: string;
  committeeReasons: string;
  reportDueOn: string;
  decisionMakerView: string;
  reportedOn: string | null;
}

export function readRegulation18(form: FormReader): Regulation18Values {
  return {
    committee: form.text('committee'),
    resolvedOn: readDateParts(form, 'resolvedOn'),
    committeeReasons: form.text('committeeReasons'),
    reportDueOn: readDateParts(form, 'reportDueOn'),
    decisionMakerView: form.text('decisionMakerView'),
    reportedOn: readDateParts(form, 'reportedOn'),
  };
}

function date(errors: FormErrors, id: string, parts: DateParts, label: string, required: boolean): string | null {
  const result = parseDateParts(parts, label, { required });
  if (!result.ok) errors.add(dateErrorId(id), result.message);
  return result.ok ? result.date : null;
}

/** `committeeIds`: the scrutiny committees that exist; `today` for the dates that cannot be in the future. */
export function validateRegulation18(
  values: Regulation18Values,
  committeeIds: ReadonlySet<number>,
  today: string,
): { ok: true; input: Regulation18Input } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors();
  const committeeId = parseId(values.committee);
  if (committeeId === undefined || !committeeIds.has(committeeId)) errors.add('committee', 'Select the scrutiny committee that made the resolution');
  const resolvedOn = date(errors, 'resolvedOn', values.resolvedOn, 'the date of the resolution', true);
  if (resolvedOn && resolvedOn > today) errors.add(dateErrorId('resolvedOn'), 'The date of the resolution must be today or in the past');
  if (values.committeeReasons === '') errors.add('committeeReasons', 'Enter why the committee considers it should have been treated as a key decision');
  else if (values.committeeReasons.length > MAX_TEXT) errors.add('committeeReasons', `The committee’s reasons must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`);
  const reportDueOn = date(errors, 'reportDueOn', values.reportDueOn, 'the date the report is due', true);
  if (resolvedOn && reportDueOn && reportDueOn < resolvedOn) errors.add(dateErrorId('reportDueOn'), 'The date the report is due must be the same as or after the date of the resolution');
  if (values.decisionMakerView.length > MAX_TEXT) errors.add('decisionMakerView', `The decision maker’s view must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`);
  const reportedOn = date(errors, 'reportedOn', values.reportedOn, 'the date the report went to the council', false);
  if (reportedOn && reportedOn > today) errors.add(dateErrorId('reportedOn'), 'The date the report went to the council must be today or in the past');
  if (reportedOn && resolvedOn && reportedOn < resolvedOn) errors.add(dateErrorId('reportedOn'), 'The date the report went to the council must be the same as or after the date of the resolution');
  if (errors.any || committeeId === undefined || !resolvedOn || !reportDueOn) return { ok: false, errors };
  return {
    ok: true,
    input: { committeeId, resolvedOn, committeeReasons: values.committeeReasons, reportDueOn, decisionMakerView: values.decisionMakerView, reportedOn },
  };
}
