/*
 * The address people type when they subscribe. The messages follow the GOV.UK Design System's
 * email address pattern; the address is kept lower-cased, so one mailbox is one subscriber.
 */

const MAX_LENGTH = 254;
// One @, something on each side, a dot in the domain, nothing that would break a header.
const FORMAT = /^[^@\s<>()[\]\\,;:"]+@[^@\s<>()[\]\\,;:".]+(\.[^@\s<>()[\]\\,;:".]+)+$/;

export type EmailAddressCheck = { ok: true; address: string } | { ok: false; message: string };

export function checkEmailAddress(typed: string): EmailAddressCheck {
  const value = typed.trim();
  if (value === '') return { ok: false, message: 'Enter your email address' };
  if (value.length > MAX_LENGTH) return { ok: false, message: `Email address must be ${MAX_LENGTH} characters or fewer` };
  if (!FORMAT.test(value)) return { ok: false, message: 'Enter an email address in the correct format, like name@example.com' };
  return { ok: true, address: value.toLowerCase() };
}
