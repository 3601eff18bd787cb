import test from 'ava';
import { buildDigest } from '../../src/alerts/alert-digest.ts';
import { checkEmailAddress } from '../../src/alerts/alert-email-address.ts';
import { describeEvent, eventPath } from '../../src/alerts/alert-event-text.ts';
import { filtersFromStored, normaliseFilters, scopeKey } from '../../src/alerts/alert-filters.ts';
import { ALERT_REQUEST_LIMITS, describeWait } from '../../src/alerts/alert-limits.ts';
import { describeScope } from '../../src/alerts/alert-scope.ts';
import { addressHash, newToken, tokenHash } from '../../src/alerts/alert-tokens.ts';
import type { PublicDecision } from '../../src/decisions/decision.view.ts';
import type { DecisionFilters } from '../../src/decisions/filters.ts';
import { createTemplates } from '../../src/http/render.ts';
import { secondsUntilAllowed as retryAfterSeconds } from '../../src/lib/rate-limit.ts';

const none: DecisionFilters = { committee: [], ward: [], directorate: [], maker: [], part: [], status: [] };

test('filters are stored in one spelling per scope, and read back through the /decisions parser', (t) => {
  const a = normaliseFilters({ ...none, ward: ['north', 'central', 'north'], part: ['private', 'key'], q: 'school' });
  const b = normaliseFilters({ ...none, part: ['key', 'private'], ward: ['central', 'north'], q: 'school', from: undefined });
  t.deepEqual(a, { ward: ['central', 'north'], part: ['key', 'private'], q: 'school' });
  t.is(JSON.stringify(a), JSON.stringify(b));
  t.deepEqual(normaliseFilters(none), {});
  t.deepEqual(filtersFromStored(a), { ...none, ward: ['central', 'north'], part: ['key', 'private'], from: undefined, to: undefined, q: 'school' });
  t.is(scopeKey({ part: ['private', 'key'], ward: 'north,central' }), scopeKey({ ward: ['central', 'north'], part: ['key', 'private'] }));
  t.not(scopeKey({ ward: ['central'] }), scopeKey({ ward: ['central', 'north'] }));
  t.throws(() => filtersFromStored({ part: ['secret'] }), { message: /'part' must be one of/ });
});

const emails: [string, string | RegExp][] = [
  ['', /^Enter your email address$/],
  ['   ', /^Enter your email address$/],
  ['resident@example.org', 'resident@example.org'],
  ['  Resident.Name+alerts@Example.ORG ', 'resident.name+alerts@example.org'],
  ['resident', /correct format/],
  ['resident@localhost', /correct format/],
  ['two@@example.org', /correct format/],
  ['a b@example.org', /correct format/],
  ['"Resident" <resident@example.org>', /correct format/],
  ['resident@example.org\r\nBcc: x@example.org', /correct format/],
  [`${'a'.repeat(250)}@example.org`, /254 characters or fewer/],
];
for (const [typed, expected] of emails) {
  test(`the address ${JSON.stringify(typed.slice(0, 40))}`, (t) => {
    const result = checkEmailAddress(typed);
    if (typeof expected === 'string') t.deepEqual(result, { ok: true, address: expected });
    else t.regex(result.ok ? '' : result.message, expected);
  });
}

test('a limit leaves room as its oldest request leaves the window', (t) => {
  const now = new Date('2024-03-01T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const limit = ALERT_REQUEST_LIMITS.perAddress;
  t.is(retryAfterSeconds([hoursAgo(1), hoursAgo(2)], limit, now), 0);
  t.is(retryAfterSeconds([hoursAgo(1), hoursAgo(20), hoursAgo(2)], limit, now), 4 * 3600);
  t.is(retryAfterSeconds([hoursAgo(1), hoursAgo(23.99999), hoursAgo(2)], limit, now), 1, 'never 0 while over the limit');
  t.is(describeWait(1), 'in a minute');
  t.is(describeWait(61), 'in 2 minutes');
  t.is(describeWait(3600), 'in an hour');
  t.is(describeWait(4 * 3600 + 1), 'in 5 hours');
});

test('tokens: only well-formed ones are looked up, by their SHA-256', (t) => {
  const token = newToken();
  t.regex(token, /^[A-Za-z0-9_-]{43}$/);
  t.regex(tokenHash(token)!, /^[0-9a-f]{64}$/);
  t.not(tokenHash(token), tokenHash(newToken()));
  for (const bad of [undefined, '', 'short', `${token}x`, `${token.slice(0, 42)}/`]) t.is(tokenHash(bad), undefined);
  t.is(addressHash('a@b.c'), 'd648b243a3e817eaa3309e00e183483f2867baadf522099f0c2121770536b25a', 'the same hash the schema checks');
});

test('a scope in words', (t) => {
  t.is(describeScope(none).summary, 'All decisions in the Forward Plan');
  const scope = describeScope(
    { ...none, ward: ['central', 'north', 'gone'], committee: ['adults-and-health'], part: ['key', 'private'], status: ['planned'], from: '2024-03-01', q: 'care' },
    { ward: [{ slug: 'central', name: 'Central' }, { slug: 'north', name: 'North' }], committee: [{ slug: 'adults-and-health', name: 'Adults and Health Scrutiny Committee' }] },
  );
  t.deepEqual(scope.lines, [
    { label: 'Ward', value: 'Central, North or gone, and decisions affecting all wards' },
    { label: 'Scrutiny committee', value: 'Adults and Health Scrutiny Committee' },
    { label: 'Type', value: 'Key decision or To be taken in private' },
    { label: 'Status', value: 'Planned' },
    { label: 'Expected', value: 'on or after 1 March 2024' },
    { label: 'Words', value: '‘care’' },
  ]);
  t.is(describeScope({ ...none, from: '2024-03-01', to: '2024-04-30' }).summary, 'Expected: between 1 March 2024 and 30 April 2024');
});

const decision: PublicDecision = {
  id: 7,
  url: '/decisions/7',
  reference: 'KEY/25MAR24/02',
  title: 'Fees <& charges> "2024/25" – £5 rise 🚌',
  description: 'd',
  part: 'key',
  partLabel: 'Key decision',
  status: 'planned',
  statusLabel: 'Planned',
  decisionMaker: { slug: 'cabinet', name: 'Cabinet', kind: 'cabinet', portfolio: null },
  expectedDate: { date: '2024-07-08', precision: 'day', asPrinted: '8 July 2024', note: '', label: '8 July 2024' },
  scrutinyCommittees: [],
  wards: { scope: 'all', asPrinted: 'All Wards', wards: [] },
  consultation: '',
  contacts: '',
  directorate: { slug: 'place-and-economy', name: 'Place and Economy' },
  documents: '',
  exemption: null,
  updatedAt: '2024-03-08T09:00:00.000Z',
};

test('what happened, in words, from the public fields only', (t) => {
  t.is(describeEvent('advertised', { part: 'key' }, decision), 'Added to the Forward Plan (key decision), expected 8 July 2024.');
  t.is(
    describeEvent('date_changed', { from: { date: '2024-06-01', precision: 'month' }, to: { date: '2024-07-08', precision: 'day' } }, decision),
    'Expected date moved from June 2024 to 8 July 2024.',
  );
  t.is(describeEvent('date_changed', { from: 'garbled' }, decision), 'Expected date changed: now 8 July 2024.');
  t.is(describeEvent('part_changed', { from: 'non_key', to: 'key' }, decision), 'Moved from Part 3 – Non-key decisions to Part 1 – Key decisions.');
  t.is(describeEvent('deferred', {}, decision), 'Deferred: now expected 8 July 2024.');
  t.is(describeEvent('taken', { reasons: 'secret' }, decision), 'Decision taken.');
  t.is(describeEvent('withdrawn', { reason: 'secret' }, decision), 'Withdrawn: this decision will no longer be taken.');
  const notice = { notice: 'general-exception', stage: 'reasons', publishedOn: '2024-02-26', reasons: 'secret' };
  t.is(describeEvent('notice_published', notice, decision), 'The notice of the reasons why 28 clear days’ notice was impracticable (regulation 10) was published on 26 February 2024.');
  t.is(eventPath('notice_published', notice, decision), '/notices/general-exception/7', 'the alert links to the notice');
  t.is(eventPath('taken', {}, decision), '/decisions/7');
});

test('a digest: escaped HTML, plain text as typed, one-click unsubscribe headers', (t) => {
  const message = buildDigest(
    {
      councilName: 'Peterborough\nCity Council',
      publishedOn: null,
      items: [{ decision, what: 'Decision taken.' }],
      scopes: [describeScope(none)],
      baseUrl: 'https://fp.example',
      links: { manage: 'https://fp.example/alerts/manage/T', unsubscribe: 'https://fp.example/alerts/unsubscribe/T' },
      unsubscribeMailbox: null,
    },
    createTemplates(),
  );
  t.is(message.subject, 'Peterborough City Council: 1 update to decisions in the Forward Plan');
  t.is(message.kind, 'alert-digest');
  t.deepEqual(message.headers, { 'List-Unsubscribe': '<https://fp.example/alerts/unsubscribe/T>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  t.true(message.text.includes('1. KEY/25MAR24/02 – Fees <& charges> "2024/25" – £5 rise 🚌\n   Decision taken.\n'));
  t.true(message.text.includes('https://fp.example/decisions/7'));
  t.true(message.html!.includes('KEY/25MAR24/02 – Fees &lt;&amp; charges&gt; &quot;2024/25&quot; – £5 rise 🚌'));
  t.false(message.html!.includes('<& charges>'));
  t.regex(message.html!, /<html lang="en-GB">/);
});
