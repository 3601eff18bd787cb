import test from 'ava';
import { LIMITS, accountLockState, isLocked } from '../../src/auth/lockout.ts';
import { secondsUntilAllowed } from '../../src/lib/rate-limit.ts';

const clientRetryAfterSeconds = (attempts: Date[], now: Date) => secondsUntilAllowed(attempts, { max: LIMITS.clientMaxAttempts, windowMs: LIMITS.clientWindowMs }, now);
import { passwordProblem } from '../../src/auth/password-policy.ts';
import { safeReturnTo } from '../../src/auth/return-to.ts';
import { roleAtLeast } from '../../src/auth/roles.ts';
import { formatDateTime } from '../../src/auth/format.ts';

const T0 = Date.parse('2024-02-26T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const lockCases: [string, number[], number | null, number][] = [
  // [case, failure times in minutes, locked until (minutes) or null, failures counted in the open window]
  ['no failures', [], null, 0],
  ['four failures do not lock', [0, 1, 2, 3], null, 4],
  ['the fifth within 15 minutes locks for 15 minutes from it', [0, 1, 2, 3, 4], 19, 0],
  ['five spread over exactly 15 minutes do not lock: the window closed', [0, 5, 10, 14, 15], null, 1],
  ['five just inside 15 minutes lock', [0, 5, 10, 14, 14.9], 29.9, 0],
  ['failures while locked do not count or extend it', [0, 1, 2, 3, 4, 5, 10, 18], 19, 0],
  ['after a lock a new window starts', [0, 1, 2, 3, 4, 20, 21, 22, 23, 24], 39, 0],
];
for (const [name, failures, until, counted] of lockCases) {
  test(`account lock: ${name}`, (t) => {
    const state = accountLockState(failures.map(at));
    t.deepEqual(state, { lockedUntil: until === null ? null : at(until), failedAttempts: counted });
  });
}

test('a lock is released at its end, not before', (t) => {
  const state = accountLockState([0, 1, 2, 3, 4].map(at));
  t.true(isLocked(state, at(18.99)));
  t.false(isLocked(state, at(19)));
});

test('a client may make 20 attempts in 15 minutes; the 21st waits until the oldest leaves the window', (t) => {
  const nineteen = Array.from({ length: 19 }, (_, i) => at(i * 0.5));
  t.is(clientRetryAfterSeconds(nineteen, at(10)), 0);
  const twenty = [...nineteen, at(9.5)];
  t.is(clientRetryAfterSeconds(twenty, at(10)), 5 * 60);
  t.is(LIMITS.clientMaxAttempts, 20);
});

const passwordCases: [string, string, string | undefined][] = [
  ['', 'a@b.gov.uk', 'Enter a password'],
  ['short pass', 'a@b.gov.uk', 'The password must be 12 characters or more'],
  ['Password1234', 'a@b.gov.uk', 'This password is too common: choose one that is harder to guess, such as three random words'],
  ['123456789012', 'a@b.gov.uk', 'This password is too common: choose one that is harder to guess, such as three random words'],
  ['zzzzzzzzzzzzzzz', 'a@b.gov.uk', 'This password is too common: choose one that is harder to guess, such as three random words'],
  ['Someone@Example.gov.uk', 'someone@example.gov.uk', 'The password must not be your email address'],
  ['x'.repeat(257), 'a@b.gov.uk', 'The password must be 256 characters or fewer'],
  ['correct horse battery staple', 'a@b.gov.uk', undefined],
];
for (const [password, email, expected] of passwordCases) {
  test(`password policy: ${JSON.stringify(password.slice(0, 24))}`, (t) => {
    t.is(passwordProblem(password, email), expected);
  });
}

const returnCases: [unknown, string][] = [
  ['/admin/users?x=1#top', '/admin/users?x=1#top'],
  ['/decisions/12', '/decisions/12'],
  ['https://evil.example/admin', '/admin'],
  ['//evil.example/admin', '/admin'],
  ['/\\evil.example', '/admin'],
  ['/admin\r\nSet-Cookie: x=1', '/admin'],
  ['javascript:alert(1)', '/admin'],
  ['admin', '/admin'],
  ['/sign-in?returnTo=/x', '/admin'],
  ['/sign-out', '/admin'],
  // Below the sign-in pages is still the sign-in form: signing in would land on it again.
  ['/sign-in/', '/admin'],
  ['/sign-in/again?returnTo=/x', '/admin'],
  ['/sign-out/now', '/admin'],
  ['/sign-in-help', '/sign-in-help'],
  [['/a', '/b'], '/admin'],
  [undefined, '/admin'],
  // Paths that become another site once dot segments are resolved or percent-encoding decoded.
  ['/.//evil.example/phish', '/admin'],
  ['/admin/../..//evil.example', '/admin'],
  ['/%2e%2e//evil.example', '/admin'],
  ['/%2E%2E/%2e//evil.example', '/admin'],
  ['/%2F%2Fevil.example', '/admin'],
  ['/%252F%252Fevil.example', '/admin'],
  ['/admin%2F..%2F..%2F%2Fevil.example', '/admin'],
  ['/%5Cevil.example', '/admin'],
  ['/admin/%0D%0ASet-Cookie:x', '/admin'],
  ['/admin/../sign-in', '/admin'],
  ['/%E0%A4%A', '/admin'],
  ['/' + '%25'.repeat(3) + '32F', '/admin'],
  // Normalised, and still a page here.
  ['/admin/./users/../decisions', '/admin/decisions'],
  ['/admin/decisions?q=%2F%2Fevil.example', '/admin/decisions?q=%2F%2Fevil.example'],
  ['/admin/reference/caf%C3%A9', '/admin/reference/caf%C3%A9'],
];
for (const [raw, expected] of returnCases) {
  test(`returnTo ${JSON.stringify(raw)} → ${expected}`, (t) => {
    t.is(safeReturnTo(raw), expected);
  });
}

test('roles rank editor < publisher < admin', (t) => {
  t.true(roleAtLeast('admin', 'publisher'));
  t.true(roleAtLeast('publisher', 'publisher'));
  t.false(roleAtLeast('editor', 'publisher'));
  t.false(roleAtLeast('publisher', 'admin'));
});

test('times are written in London time, GOV.UK style', (t) => {
  t.is(formatDateTime('2024-07-01T23:30:00Z'), '2 July 2024 at 12:30am');
  t.is(formatDateTime('2024-02-26T13:05:00Z'), '26 February 2024 at 1:05pm');
});
