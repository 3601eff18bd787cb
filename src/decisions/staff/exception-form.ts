import { FormErrors, type FormReader } from '../../http/forms.ts';
import { dateErrorId, parseDateParts, readDateParts, type DateParts } from './date-input.ts';
import { MAX_FIELD_LENGTH } from './decision-form.ts';

/*
 * The records that let a decision be taken without the usual notice: regulation 10 (general
 * exception), regulation 11 (special urgency), and the regulation 5 notices of a private decision.
 * They record what has happened, so no date may be in the future.
 */

export const AGREEMENT_ROLES = ['scrutiny_chair', 'council_chair', 'council_vice_chair'] as const;
export type AgreementRole = (typeof AGREEMENT_ROLES)[number];
export const AGREEMENT_ROLE_LABELS: Record<AgreementRole, string> = {
  scrutiny_chair: 'Chair of the relevant scrutiny committee',
  council_chair: 'Chair of the council (there is no scrutiny chair, or they are unable to act)',
  council_vice_chair: 'Vice-chair of the council (nor is the chair of the council able to act)',
};

type Result<T> = { ok: true; input: T } | { ok: false; errors: FormErrors };

function pastDate(errors: FormErrors, id: string, parts: DateParts, label: string, today: string, required: boolean): string | null {
  const result = parseDateParts(parts, label, { required });
  if (!result.ok) {
    errors.add(dateErrorId(id), result.message);
    return null;
  }
  if (result.date !== null && result.date > today) {
    errors.add(dateErrorId(id), `${label.charAt(0).toUpperCase()}${label.slice(1)} must be today or in the past`);
    return null;
  }
  return result.date;
}

function required(errors: FormErrors, id: string, value: string, message: string, label: string): void {
  if (value === '') errors.add(id, message);
  else if (value.length > MAX_FIELD_LENGTH) errors.add(id, `${label} must be ${MAX_FIELD_LENGTH.toLocaleString('en-GB')} characters or fewer`);
}

export interface GeneralExceptionValues {
  chairName: string;
  chairNotifiedOn: DateParts;
  noticePublishedOn: DateParts;
  reasons: string;
  reasonsNoticePublishedOn: DateParts;
}

export interface GeneralExceptionInput {
  chairName: string;
  chairNotifiedOn: string;
  noticePublishedOn: string;
  reasons: string;
  reasonsNoticePublishedOn: string | null;
}

export function readGeneralException(form: FormReader): GeneralExceptionValues {
  return {
    chairName: form.text('chairName'),
    chairNotifiedOn: readDateParts(form, 'chairNotifiedOn'),
    noticePublishedOn: readDateParts(form, 'noticePublishedOn'),
    reasons: form.multiline('reasons'),
    reasonsNoticePublishedOn: readDateParts(form, 'reasonsNoticePublishedOn'),
  };
}

export function validateGeneralException(values: GeneralExceptionValues, today: string): Result<GeneralExceptionInput> {
  const errors = new FormErrors();
  required(errors, 'chairName', values.chairName, 'Enter the name of the scrutiny committee chair who was told', 'The name');
  const chairNotifiedOn = pastDate(errors, 'chairNotifiedOn', values.chairNotifiedOn, 'the date the chair was told in writing', today, true);
  const noticePublishedOn = pastDate(errors, 'noticePublishedOn', values.noticePublishedOn, 'the date the notice was made public', today, true);
  required(errors, 'reasons', values.reasons, 'Enter why 28 clear days’ notice is impracticable', 'The reasons');
  const reasonsNoticePublishedOn = pastDate(errors, 'reasonsNoticePublishedOn', values.reasonsNoticePublishedOn, 'the date the notice of reasons was published', today, false);
  if (reasonsNoticePublishedOn && noticePublishedOn && reasonsNoticePublishedOn < noticePublishedOn) {
    errors.add(dateErrorId('reasonsNoticePublishedOn'), 'The notice of reasons is published after the general exception notice, not before it');
  }
  if (errors.any) return { ok: false, errors };
  return {
    ok: true,
    input: { chairName: values.chairName, chairNotifiedOn: chairNotifiedOn!, noticePublishedOn: noticePublishedOn!, reasons: values.reasons, reasonsNoticePublishedOn },
  };
}

export interface SpecialUrgencyValues {
  agreedBy: string;
  agreedByRole: string;
  agreedOn: DateParts;
  reasons: string;
  reasonsNoticePublishedOn: DateParts;
}

export interface SpecialUrgencyInput {
  agreedBy: string;
  agreedByRole: AgreementRole;
  agreedOn: string;
  reasons: string;
  reasonsNoticePublishedOn: string | null;
}

export function readSpecialUrgency(form: FormReader): SpecialUrgencyValues {
  return {
    agreedBy: form.text('agreedBy'),
    agreedByRole: form.text('agreedByRole'),
    agreedOn: readDateParts(form, 'agreedOn'),
    reasons: form.multiline('reasons'),
    reasonsNoticePublishedOn: readDateParts(form, 'reasonsNoticePublishedOn'),
  };
}

export function validateSpecialUrgency(values: SpecialUrgencyValues, today: string): Result<SpecialUrgencyInput> {
  const errors = new FormErrors();
  required(errors, 'agreedBy', values.agreedBy, 'Enter the name of the person who agreed', 'The name');
  const role = AGREEMENT_ROLES.find((r) => r === values.agreedByRole);
  if (!role) errors.add('agreedByRole', 'Select who agreed: the scrutiny chair or, failing that, the chair then vice-chair of the council');
  const agreedOn = pastDate(errors, 'agreedOn', values.agreedOn, 'the date they agreed', today, true);
  required(errors, 'reasons', values.reasons, 'Enter why the decision is urgent and cannot reasonably be deferred', 'The reasons');
  const reasonsNoticePublishedOn = pastDate(errors, 'reasonsNoticePublishedOn', values.reasonsNoticePublishedOn, 'the date the notice of reasons was published', today, false);
  if (reasonsNoticePublishedOn && agreedOn && reasonsNoticePublishedOn < agreedOn) {
    errors.add(dateErrorId('reasonsNoticePublishedOn'), 'The notice of reasons is published after the agreement, not before it');
  }
  if (errors.any || !role) return { ok: false, errors };
  return { ok: true, input: { agreedBy: values.agreedBy, agreedByRole: role, agreedOn: agreedOn!, reasons: values.reasons, reasonsNoticePublishedOn } };
}

export interface PrivateNoticeValues {
  intentionPublishedOn: DateParts;
  furtherNoticePublishedOn: DateParts;
  representations: string;
  response: string;
}

export interface PrivateNoticeInput {
  intentionPublishedOn: string | null;
  furtherNoticePublishedOn: string | null;
  representations: string;
  response: string;
}

export function readPrivateNotice(form: FormReader): PrivateNoticeValues {
  return {
    intentionPublishedOn: readDateParts(form, 'intentionPublishedOn'),
    furtherNoticePublishedOn: readDateParts(form, 'furtherNoticePublishedOn'),
    representations: form.multiline('representations'),
    response: form.multiline('response'),
  };
}

export function validatePrivateNotice(values: PrivateNoticeValues, today: string): Result<PrivateNoticeInput> {
  const errors = new FormErrors();
  const intention = pastDate(errors, 'intentionPublishedOn', values.intentionPublishedOn, 'the date the notice of intention was published', today, false);
  const further = pastDate(errors, 'furtherNoticePublishedOn', values.furtherNoticePublishedOn, 'the date the further notice was published', today, false);
  if (intention && further && further < intention) {
    errors.add(dateErrorId('furtherNoticePublishedOn'), 'The further notice is published after the notice of intention, not before it');
  }
  if (values.representations.length > MAX_FIELD_LENGTH) errors.add('representations', 'The representations must be 20,000 characters or fewer');
  if (values.response.length > MAX_FIELD_LENGTH) errors.add('response', 'The response must be 20,000 characters or fewer');
  else if (values.representations !== '' && values.response === '' && further) {
    errors.add('response', 'Enter the response to the representations: the further notice must include it');
  }
  if (errors.any) return { ok: false, errors };
  return { ok: true, input: { intentionPublishedOn: intention, furtherNoticePublishedOn: further, representations: values.representations, response: values.response } };
}
