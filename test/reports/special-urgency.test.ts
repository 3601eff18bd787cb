import test from 'ava';
import type { StaffUser } from '../../src/auth/roles.ts';
import { decisionIdByReference } from '../helpers/lookups.ts';
import { visibleText } from '../helpers/html.ts';
import { startKeepingWorld, type KeepingWorld } from '../staff-decisions/helpers.ts';

/*
 * Regulation 19's report: exactly the decisions taken in the period whose making was agreed as
 * urgent under regulation 11. On the sample plan (clock at 26 February 2024): three decisions get
 * a special urgency agreement; two are taken inside the period, one outside it; one more is taken
 * in the period without urgency, and one has an agreement but is not taken.
 */

let world: KeepingWorld;
let publisher: StaffUser;

async function urgent(reference: string, agreedOn: string, reasons: string) {
  const id = await decisionIdByReference(world.app.deps.db, reference);
  const saved = await world.app.deps.staffDecisions.records.specialUrgency(
    id,
    { agreedBy: 'Cllr A. Chair', agreedByRole: 'scrutiny_chair', agreedOn, reasons, reasonsNoticePublishedOn: agreedOn },
    publisher,
  );
  if (saved.status !== 'saved') throw new Error(`special urgency not saved: ${JSON.stringify(saved)}`);
  return id;
}

async function take(id: number, takenOn: string, summary: string) {
  const result = await world.app.deps.staffDecisions.outcomes.taken(
    id,
    { takenOn, decisionMaker: 'Cabinet', summary, reasons: 'As set out in the report.', alternatives: 'None.', noticeUrl: '', withoutNotice: null },
    publisher,
  );
  if (result.status !== 'recorded') throw new Error(`not taken: ${JSON.stringify(result)}`);
}

async function takeWithoutNotice(reference: string, takenOn: string, reason: string) {
  const id = await decisionIdByReference(world.app.deps.db, reference);
  const result = await world.app.deps.staffDecisions.outcomes.taken(
    id,
    { takenOn, decisionMaker: 'Cabinet', summary: 'Approved.', reasons: 'As set out in the report.', alternatives: 'None.', noticeUrl: '', withoutNotice: { reason } },
    publisher,
  );
  if (result.status !== 'recorded') throw new Error(`not taken: ${JSON.stringify(result)}`);
}

test.before(async () => {
  world = await startKeepingWorld();
  const user = await world.app.deps.db.selectFrom('users').selectAll().where('role', '=', 'publisher').executeTakeFirstOrThrow();
  publisher = { id: user.id, email: user.email, name: user.name, role: 'publisher' };
  const inside = await urgent('KEY/25MAR24/01', '2024-02-20', 'The grant offer expires on 23 February =cmd|calc.');
  await take(inside, '2024-02-21', '=HYPERLINK("https://example.com") Accept the grant.');
  const alsoInside = await urgent('KEY/12FEB24/01', '2024-02-22', 'A contractor went into administration.');
  await take(alsoInside, '2024-02-23', 'Appoint an interim contractor.');
  const outside = await urgent('KEY/04DEC23/01', '2024-01-10', 'Outside the period.');
  await take(outside, '2024-01-11', 'Taken before the period.');
  await urgent('KEY/18DEC23/01', '2024-02-24', 'Agreed, not yet taken.');
  // A non-key decision has no notice period, so it can be taken on any day without urgency.
  const notUrgent = (await world.app.deps.db.selectFrom('decisions').select('id').where('part', '=', 'non_key').orderBy('id').executeTakeFirstOrThrow()).id;
  await take(notUrgent, '2024-02-22', 'Taken in the ordinary way.');
  await takeWithoutNotice('KEY/25MAR24/02', '2024-02-24', 'The funding deadline fell before the notice period ended.');
});
test.after.always(() => world?.app.close());

const PERIOD = '?from-day=1&from-month=2&from-year=2024&to-day=29&to-month=2&to-year=2024';

test('the report lists exactly the special urgency decisions taken in its period, in the order taken', async (t) => {
  const response = await world.as.editor.get(`/admin/reports/special-urgency${PERIOD}`);
  t.is(response.status, 200);
  const text = visibleText(await response.text());
  t.regex(text, /2 decisions taken under special urgency from 1 February 2024 to 29 February 2024/);
  const specialUrgency = text.split('Decisions taken without the required notice')[0]!;
  const headings = [...specialUrgency.matchAll(/KEY\/[0-9]{2}[A-Z]{3}[0-9]{2}\/0\d/g)].map((m) => m[0]);
  t.deepEqual([...new Set(headings)], ['KEY/25MAR24/01', 'KEY/12FEB24/01']);
  t.regex(text, /Appoint an interim contractor/);
  t.regex(text, /Urgency agreed by Cllr A\. Chair – Chair of the relevant scrutiny committee/);
  t.regex(text, /Why it was urgent and could not reasonably be deferred A contractor went into administration\./);
  t.notRegex(text, /Outside the period|Agreed, not yet taken|Taken in the ordinary way/);
});

test('with no dates the report covers the twelve months up to today', async (t) => {
  const text = visibleText(await (await world.as.editor.get('/admin/reports/special-urgency')).text());
  t.regex(text, /3 decisions taken under special urgency from 27 February 2023 to 26 February 2024/);
});

test('the spreadsheet holds the same decisions, every cell guarded against formulas', async (t) => {
  const response = await world.as.editor.get(`/admin/reports/special-urgency.csv${PERIOD}`);
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /^text\/csv/);
  t.is(response.headers.get('content-disposition'), 'attachment; filename="special-urgency-decisions-2024-02-01-to-2024-02-29.csv"');
  const csv = await response.text();
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  t.is(lines.length, 3, 'a heading and two decisions');
  t.regex(lines[0]!, /^Reference,Decision,Part of the plan,Decision maker,Date taken/);
  t.regex(lines[1]!, /^KEY\/25MAR24\/01,/);
  t.regex(lines[1]!, /2024-02-21/);
  t.regex(lines[2]!, /^KEY\/12FEB24\/01,/);
  t.regex(csv, /The grant offer expires on 23 February =cmd\|calc\./, 'a formula only mid-cell stays as typed');
  t.true(csv.includes(`"'=HYPERLINK(""https://example.com"") Accept the grant."`), 'a cell starting with = is neutralised');
});

test('dates that cannot be read are shown with the error summary, not a report', async (t) => {
  const response = await world.as.editor.get('/admin/reports/special-urgency?from-day=31&from-month=2&from-year=2024&to-day=1&to-month=1&to-year=2024');
  t.is(response.status, 400);
  const html = await response.text();
  t.regex(visibleText(html), /There is a problem The start date must be a real date/);
  t.regex(html, /href="#from-day"/);
  t.notRegex(visibleText(html), /taken under special urgency from/);
  const csv = await world.as.editor.get('/admin/reports/special-urgency.csv?from-day=x&from-month=2&from-year=2024&to-day=1&to-month=3&to-year=2024');
  t.is(csv.status, 400);
  t.regex(await csv.text(), /The start date must be a real date/);
});

test('the reports are for staff only', async (t) => {
  const response = await world.anonymous.get(`/admin/reports/special-urgency${PERIOD}`);
  t.is(response.status, 303);
  t.regex(response.headers.get('location') ?? '', /^\/sign-in/);
});

test('its second section lists the decisions taken in the period without the required notice, with the rule and the reason', async (t) => {
  const text = visibleText(await (await world.as.editor.get(`/admin/reports/special-urgency${PERIOD}`)).text());
  const [first, second] = text.split('Decisions taken without the required notice');
  t.notRegex(first!, /KEY\/25MAR24\/02/, 'not a special urgency decision');
  t.regex(second!, /1 decision recorded as taken in the period without the notice the Regulations require\./);
  t.regex(second!, /KEY\/25MAR24\/02/);
  t.regex(second!, /Notice rules not met Regulation 9/);
  t.regex(second!, /Why it was taken without the required notice The funding deadline fell before the notice period ended\./);
  const csv = await (await world.as.editor.get(`/admin/reports/special-urgency/without-notice.csv${PERIOD}`)).text();
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  t.is(lines.length, 2);
  t.regex(lines[0]!, /^Reference,Decision,Decision maker,Date taken,Notice rules not met,Why it was taken without the required notice$/);
  t.regex(lines[1]!, /^KEY\/25MAR24\/02,.*2024-02-24,.*Regulation 9/);
});
