/** The staff session cookie's name: set by auth, and read by the response cache, which never serves or fills for a signed-in request. */
export const SESSION_COOKIE = 'fp_session';
