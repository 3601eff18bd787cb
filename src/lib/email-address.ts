/*
 * The one check of an email address, used wherever an address is typed, configured or mailed.
 * It aims to catch typing mistakes, not to prove an address exists: the first email does that.
 *
 * Seven looser patterns were merged into this one (the comment form's, the strictest). It refuses
 * everything the others refused — a missing or doubled @, spaces, display names, angle brackets,
 * line breaks, a domain without a dot — and also typing slips they let through: doubled or
 * leading dots, underscores in the domain, digits in the top level, a local part over 64
 * characters. Messages stay with each form, because they name the form's own example address.
 */

export const MAX_EMAIL_ADDRESS_LENGTH = 254;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** name@example.org: a plain local part, a domain of two or more labels, a top level of letters. */
export function isEmailAddress(value: string): boolean {
  if (value.length > MAX_EMAIL_ADDRESS_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels.at(-1)!)
  );
}

const NAMED = /^([^<>\r\n]*)<([^<>]*)>$/;

/** A From header's mailbox: an address, or a display name and the address in angle brackets. */
export function isMailbox(value: string): boolean {
  const named = NAMED.exec(value);
  return isEmailAddress(named ? named[2]! : value);
}
