/** The rule the schema enforces (CHECK on every slug column) and the public pages accept. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/** Why `slug` cannot be a short name for an address, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'Enter a short name for the address';
  if (slug.length > MAX_SLUG_LENGTH) return `The short name must be ${MAX_SLUG_LENGTH} characters or fewer`;
  if (!SLUG.test(slug)) {
    return 'The short name must be lower-case letters a to z and numbers, with a single hyphen between words, like children-and-education';
  }
  return undefined;
}
