/*
 * Checks on the contact details a person gives. They aim to catch typing mistakes, not to
 * prove a number exists. Email addresses are checked by src/lib/email-address.ts.
 */

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
