/*
 * Checks on the contact details a person gives. They aim to catch typing mistakes, not to
 * prove an address exists: the acknowledgement email does that.
 */

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** name@example.org: a plain local part, a domain of two or more labels, a top level of letters. */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
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

const PHONE_CHARACTERS = /^\+?[0-9 ()\-.]+(?:\s*(?:ext\.?|extension|x)\s*[0-9]{1,6})?$/i;

/**
 * A UK or international number as people write it: digits with spaces, brackets, dots or
 * hyphens, an optional leading +, an optional extension; 10 to 15 digits before any extension.
 */
export function isTelephoneNumber(value: string): boolean {
  if (!PHONE_CHARACTERS.test(value)) return false;
  const main = value.split(/ext|x/i)[0]!;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}
