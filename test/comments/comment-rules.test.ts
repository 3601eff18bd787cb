import test from 'ava';
import { isEmailAddress } from '../../src/lib/email-address.ts';
import { isTelephoneNumber } from '../../src/comments/contact-rules.ts';
import { formatCommentReference, isCommentReference } from '../../src/comments/comment-reference.ts';
import { isOverdue, latestOverdueReceiptDate, responseDueOn } from '../../src/comments/comment-deadlines.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { RATE_LIMIT_WINDOW_MS, waitDescription } from '../../src/comments/comment-limits.ts';
import { secondsUntilAllowed as allowedIn } from '../../src/lib/rate-limit.ts';

const secondsUntilAllowed = (attempts: Date[], max: number, now: Date) => allowedIn(attempts, { max, windowMs: RATE_LIMIT_WINDOW_MS }, now);
import { monthsBefore } from '../../src/comments/comment-retention.ts';
import { canDo } from '../../src/comments/comment-status.ts';
import { addDays } from '../../src/lib/dates.ts';

test('references: FPC, the year, six or more digits', (t) => {
  t.is(formatCommentReference(2024, 123), 'FPC-2024-000123');
  t.is(formatCommentReference(2025, 1_234_567), 'FPC-2025-1234567');
  t.throws(() => formatCommentReference(24, 1));
  t.throws(() => formatCommentReference(2024, 0));
  t.true(isCommentReference('FPC-2024-000123'));
  for (const bad of ['FPC-2024-123', 'fpc-2024-000123', 'FPC-2024-000123/x', '']) t.false(isCommentReference(bad), bad);
});

test('email addresses: plausible ones pass, typing mistakes do not', (t) => {
  for (const good of ['name@example.com', 'first.last+tag@sub.example.co.uk', "o'neill@example.org", 'x@bücher.de', 'a@xn--bcher-kva.de']) t.true(isEmailAddress(good), good);
  for (const bad of ['name@example', 'name example@x.org', 'name@@example.org', '@example.org', 'name@', 'name@.example.org', 'name@example..org', '.name@example.org', 'name.@example.org', 'name@exa_mple.org', 'name@example.c0m', `${'a'.repeat(65)}@example.org`, '<a>@example.org']) {
    t.false(isEmailAddress(bad), bad);
  }
});

test('telephone numbers as people write them', (t) => {
  for (const good of ['01632 960 001', '07700 900982', '+44 808 157 0192', '(01733) 452460', '01733-452-460 ext 123', '+1 (555) 010-9999']) t.true(isTelephoneNumber(good), good);
  for (const bad of ['123', 'call me', '01632 960 001 or 07700 900982', '+44+808 1570192', '1'.repeat(16)]) t.false(isTelephoneNumber(bad), bad);
});

test('a response is due 10 working days after receipt, England and Wales bank holidays skipped', (t) => {
  const cases: [string, string][] = [
    ['2024-02-26', '2024-03-11'], // Monday → Monday fortnight
    ['2024-02-24', '2024-03-08'], // a Saturday counts from the Monday
    ['2024-03-25', '2024-04-10'], // Good Friday and Easter Monday 2024
    ['2024-12-20', '2025-01-08'], // Christmas, Boxing Day, New Year's Day
  ];
  for (const [received, due] of cases) t.is(responseDueOn(received, 10), due, received);
});

test('overdue: open and past its due date; responded and closed never are', (t) => {
  t.false(isOverdue({ status: 'received', receivedOn: '2024-02-26' }, '2024-03-11', 10), 'on the due date');
  t.true(isOverdue({ status: 'received', receivedOn: '2024-02-26' }, '2024-03-12', 10));
  t.true(isOverdue({ status: 'referred', receivedOn: '2024-02-26' }, '2024-03-12', 10));
  t.false(isOverdue({ status: 'responded', receivedOn: '2024-02-26' }, '2024-06-01', 10));
  t.false(isOverdue({ status: 'closed', receivedOn: '2024-02-26' }, '2024-06-01', 10));
});

test('the overdue cut-off date the database filters on agrees with isOverdue, day by day through a year', (t) => {
  for (let today = '2024-01-01'; today <= '2024-12-31'; today = addDays(today, 1)) {
    const cutoff = latestOverdueReceiptDate(today, 10);
    t.true(isOverdue({ status: 'received', receivedOn: cutoff }, today, 10), `${today}: ${cutoff} is overdue`);
    t.false(isOverdue({ status: 'received', receivedOn: addDays(cutoff, 1) }, today, 10), `${today}: the day after ${cutoff} is not`);
  }
});

test('the comment CSV neutralises every cell, the header row too', (t) => {
  t.is(toCsv(['=a', 'b'], [['-x', 'y,z'], [null, 3]]), '\uFEFF\'=a,b\r\n\'-x,"y,z"\r\n,3\r\n');
});

test('the rate limit slides: room opens as the oldest submission leaves the hour', (t) => {
  const now = new Date('2024-02-26T10:00:00Z');
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  t.is(secondsUntilAllowed([at(50), at(10)], 3, now), 0);
  t.is(secondsUntilAllowed([at(50), at(10), at(5)], 3, now), 600);
  t.is(secondsUntilAllowed([at(5), at(50), at(10)], 2, now), 3000);
  t.is(waitDescription(30), '1 minute');
  t.is(waitDescription(601), '11 minutes');
});

test('months before: same time of day, the last day of a shorter month', (t) => {
  t.is(monthsBefore(new Date('2025-02-01T12:00:00Z'), 12).toISOString(), '2024-02-01T12:00:00.000Z');
  t.is(monthsBefore(new Date('2024-03-31T08:00:00Z'), 1).toISOString(), '2024-02-29T08:00:00.000Z');
  t.is(monthsBefore(new Date('2025-03-31T08:00:00Z'), 1).toISOString(), '2025-02-28T08:00:00.000Z');
  t.is(monthsBefore(new Date('2025-01-15T00:00:00Z'), 13).toISOString(), '2023-12-15T00:00:00.000Z');
});

test('which actions each status allows', (t) => {
  t.deepEqual(
    (['received', 'referred', 'responded', 'closed'] as const).map((s) => [s, canDo('refer', s), canDo('respond', s), canDo('close', s)]),
    [
      ['received', true, true, true],
      ['referred', true, true, true],
      ['responded', false, false, true],
      ['closed', false, false, false],
    ],
  );
});
