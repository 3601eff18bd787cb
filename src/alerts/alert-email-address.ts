/*
 * The address people type when they subscribe. The messages follow the GOV.UK Design System's
 * email address pattern; the address is kept lower-cased, so one mailbox is one subscriber.
 */

import { isEmailAddress, MAX_EMAIL_ADDRESS_LENGTH as MAX_LENGTH } from '../lib/email-address.ts';

export type EmailAddressCheck = { ok: true; address: string } | { ok: false; message: string };

export function checkEmailAddress(typed: string): EmailAddressCheck {
  const value = typed.trim();
  if (value === '') return { ok: false, message: 'Enter your email address' };
  if (value.length > MAX_LENGTH) return { ok: false, message: `Email address must be ${MAX_LENGTH} characters or fewer` };
  if (!isEmailAddress(value)) return { ok: false, message: 'Enter an email address in the correct format, like name@example.com' };
  return { ok: true, address: value.toLowerCase() };
}
