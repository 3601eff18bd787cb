/**
 * What a service answers when the thing asked for is not there. Every module's results are
 * objects with a `status`, and every module spells this one the same way, so that a route can
 * turn it into a 404 without knowing which module said it.
 */
export const NOT_FOUND = { status: 'not-found' } as const;
export type NotFound = typeof NOT_FOUND;
