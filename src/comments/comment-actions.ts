import { FormErrors, type FormReader } from '../http/forms.ts';
import { parseId } from '../lib/ids.ts';
import type { CommentResponseMethod, CommentStatus } from './comments.tables.ts';
import { isResponseMethod } from './comment-status.ts';

/*
 * The staff forms on a comment's page. Each field id is prefixed by its form, because all three
 * forms are on one page and an error summary link must find the right field.
 */

export const NOTE_LIMIT = 1500;
export const RESPONSE_LIMIT = 10_000;

export function readActionForm(form: FormReader) {
  return {
    member: form.text('member'),
    response: form.multiline('response'),
    method: form.text('method'),
    note: form.multiline('note'),
  };
}

export type ActionValues = ReturnType<typeof readActionForm>;

function checkNote(errors: FormErrors, id: string, note: string): void {
  if (note.length > NOTE_LIMIT) errors.add(id, `The note must be ${NOTE_LIMIT.toLocaleString('en-GB')} characters or fewer`);
}

export function validateReferral(values: ActionValues, allowedMemberIds: ReadonlySet<number>): { errors: FormErrors; memberId?: number } {
  const errors = new FormErrors();
  const id = parseId(values.member);
  if (values.member === '') errors.add('refer-member', 'Choose the Cabinet Member to refer the comment to');
  else if (id === undefined || !allowedMemberIds.has(id)) errors.add('refer-member', 'Choose a Cabinet Member from the list');
  checkNote(errors, 'refer-note', values.note);
  return errors.any ? { errors } : { errors, memberId: id };
}

export function validateResponse(values: ActionValues): { errors: FormErrors; method?: CommentResponseMethod } {
  const errors = new FormErrors();
  if (values.response === '') errors.add('respond-response', 'Enter the response that was sent');
  else if (values.response.length > RESPONSE_LIMIT) errors.add('respond-response', `The response must be ${RESPONSE_LIMIT.toLocaleString('en-GB')} characters or fewer`);
  if (!isResponseMethod(values.method)) errors.add('respond-method', 'Choose how the response was sent');
  checkNote(errors, 'respond-note', values.note);
  return errors.any || !isResponseMethod(values.method) ? { errors } : { errors, method: values.method };
}

/** A comment closed without a response needs a reason, for the record. */
export function validateClosing(values: ActionValues, status: CommentStatus): FormErrors {
  const errors = new FormErrors();
  if (status !== 'responded' && values.note === '') errors.add('close-note', 'Say why the comment is closed without a response');
  checkNote(errors, 'close-note', values.note);
  return errors;
}
