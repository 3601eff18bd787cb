import { FormErrors, type FormReader } from '../http/forms.ts';
import { parseId } from '../lib/ids.ts';
import { isEmailAddress, MAX_EMAIL_ADDRESS_LENGTH } from '../lib/email-address.ts';
import { isTelephoneNumber } from './contact-rules.ts';

/** Limits the form's hints state; the database CHECKs agree. */
export const COMMENT_LIMITS = { comment: 5000, name: 200, email: MAX_EMAIL_ADDRESS_LENGTH, telephone: 40, address: 500 } as const;

/** The honeypot: a field people never see or reach, which only form-filling robots complete. */
export const HONEYPOT_FIELD = 'website';

/** What the person typed, exactly as the form shows it again. */
export interface CommentFormValues {
  decision: string;
  comment: string;
  name: string;
  email: string;
  telephone: string;
  address: string;
  /** A Cabinet Member's id, or '' for "the relevant Cabinet Member". */
  responder: string;
}

export interface ValidComment {
  body: string;
  name: string;
  email: string | null;
  telephone: string | null;
  address: string | null;
  requestedResponderId: number | null;
}

export function readCommentForm(form: FormReader): CommentFormValues {
  return {
    decision: form.text('decision'),
    comment: form.multiline('comment'),
    name: form.text('name'),
    email: form.text('email'),
    telephone: form.text('telephone'),
    address: form.multiline('address'),
    responder: form.text('responder'),
  };
}

export function honeypotFilled(form: FormReader): boolean {
  return form.raw(HONEYPOT_FIELD).trim() !== '';
}

const format = (n: number) => n.toLocaleString('en-GB');

/**
 * Checks the form against the rules of the paper form: a comment, a name and at least one way
 * to reply. Errors are keyed by field id, in the order the fields appear on the page.
 */
export function validateCommentForm(
  values: CommentFormValues,
  cabinetMemberIds: ReadonlySet<number>,
): { errors: FormErrors; comment?: ValidComment } {
  const errors = new FormErrors();
  if (values.comment === '') errors.add('comment', 'Enter your comment or question');
  else if (values.comment.length > COMMENT_LIMITS.comment) {
    errors.add('comment', `Your comment or question must be ${format(COMMENT_LIMITS.comment)} characters or fewer`);
  }

  if (values.name === '') errors.add('name', 'Enter your name');
  else if (values.name.length > COMMENT_LIMITS.name) errors.add('name', `Your name must be ${COMMENT_LIMITS.name} characters or fewer`);

  if (values.email === '' && values.telephone === '' && values.address === '') {
    errors.add('email', 'Enter an email address, a telephone number or a postal address, so that we can reply to you');
  }
  if (values.email !== '' && !isEmailAddress(values.email)) {
    errors.add('email', 'Enter an email address in the correct format, like name@example.com');
  }
  if (values.telephone !== '' && (values.telephone.length > COMMENT_LIMITS.telephone || !isTelephoneNumber(values.telephone))) {
    errors.add('telephone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
  }
  if (values.address.length > COMMENT_LIMITS.address) {
    errors.add('address', `Your address must be ${COMMENT_LIMITS.address} characters or fewer`);
  }

  let requestedResponderId: number | null = null;
  if (values.responder !== '') {
    const id = parseId(values.responder);
    if (id !== undefined && cabinetMemberIds.has(id)) requestedResponderId = id;
    else errors.add('responder', 'Choose a Cabinet Member from the list, or leave it to us to refer your comment');
  }

  if (errors.any) return { errors };
  return {
    errors,
    comment: {
      body: values.comment,
      name: values.name,
      email: values.email || null,
      telephone: values.telephone || null,
      address: values.address || null,
      requestedResponderId,
    },
  };
}
