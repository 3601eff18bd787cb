import test from 'ava';
import { assertValidOutgoingMail, type OutgoingMail } from '../../src/mail/outgoing-mail.ts';
import { isPermanentFailure, retryDelayMs } from '../../src/mail/retry.ts';

const good: OutgoingMail = { to: 'resident@example.org', subject: 'New decisions', text: 'Hello', kind: 'alert-digest' };

test('a well-formed message passes', (t) => {
  t.notThrows(() => assertValidOutgoingMail({ ...good, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }));
});

const refusals: [string, Partial<OutgoingMail>, RegExp][] = [
  ['two addresses', { to: 'a@example.org, b@example.org' }, /"to" must be one plain email address/],
  ['a display name', { to: 'Resident <a@example.org>' }, /"to"/],
  ['a subject with a line break', { subject: 'Hi\r\nBcc: victim@example.org' }, /"subject" must be one non-empty line/],
  ['a blank subject', { subject: '  ' }, /"subject"/],
  ['a kind that is not kebab case', { kind: 'Alert Digest' }, /"kind"/],
  ['an empty dedupe key', { dedupeKey: '' }, /"dedupeKey"/],
  ['a header value with a line break', { headers: { 'X-Ref': 'a\nBcc: x@example.org' } }, /header "X-Ref" must be one line/],
  ['a header the mailer sets', { headers: { 'Message-ID': '<x@y>' } }, /header "Message-ID" is set by the mailer/],
  ['a malformed header name', { headers: { 'Bad Name': 'x' } }, /not a valid header name/],
];

for (const [what, change, message] of refusals) {
  test(`refuses ${what}`, (t) => {
    t.throws(() => assertValidOutgoingMail({ ...good, ...change }), { message });
  });
}

test('retries wait 1, 2, 4 … minutes and never more than an hour', (t) => {
  const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 50].map((attempts) => retryDelayMs(attempts) / 60_000);
  t.deepEqual(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
});

test('only a 5xx refusal of the recipient is permanent', (t) => {
  const smtpError = (code: string, command: string, responseCode: number) => Object.assign(new Error('x'), { code, command, responseCode });
  t.true(isPermanentFailure(smtpError('EENVELOPE', 'RCPT TO', 550)));
  t.false(isPermanentFailure(smtpError('EENVELOPE', 'RCPT TO', 451)));
  t.false(isPermanentFailure(smtpError('EAUTH', 'AUTH PLAIN', 535)), 'our own misconfiguration must not lose mail');
  t.false(isPermanentFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })));
  t.false(isPermanentFailure('boom'));
});
