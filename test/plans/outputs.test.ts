import { inflateSync } from 'node:zlib';
import test from 'ava';
import { parse } from 'csv-parse/sync';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { guardFormula } from '../../src/plans/outputs/plan-csv-export.ts';
import { renderPlanPdf } from '../../src/plans/outputs/plan-pdf.ts';
import { toWinAnsi } from '../../src/plans/outputs/win-ansi.ts';
import { freshDb } from '../helpers/db.ts';
import type { TestApp } from '../helpers/app.ts';
import { addDecision, printedEntries, publicationWorld, takeUnderUrgency, type PublicationWorld } from '../publication/helpers.ts';

/** Two published plans, the second with every part filled: 8 and 22 March 2024. */
async function twoPlans(t: Parameters<typeof publicationWorld>[0]): Promise<PublicationWorld> {
  const world = await publicationWorld(t);
  await addDecision(world, {
    title: 'Award of contract, "phase 2"',
    description: 'Line one, with a comma.\nLine two – with an en dash and £500,000.',
    decision_maker_id: world.ids.member,
    expected_date: '2024-06-17',
    expected_date_text: '17 June',
  });
  await addDecision(world, { title: 'Sale of land', part: 'private', is_key: true, exempt_paragraph: 3, exemption_reason: 'Bids received.', expected_date: '2024-05-01', expected_precision: 'month' });
  await addDecision(world, { title: 'Grant to Citizens Advice', part: 'non_key', is_key: false, ward_scope: 'listed', wards_text: 'Central Ward and North Ward' });
  const urgent = await addDecision(world, { title: 'Emergency roof repairs' });
  world.on('2024-03-08');
  await world.deps.publication.publish({ publishedOn: '2024-03-08', userId: null });
  await takeUnderUrgency(world, urgent, '2024-03-12', 'Cllr Ray Bisby');
  await addDecision(world, { title: 'Łódź twinning – “friendship” agreement 🤝', expected_date: '2024-07-01' });
  world.on('2024-03-22');
  const outcome = await world.deps.publication.publish({ publishedOn: '2024-03-22', userId: null });
  if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
  return world;
}

// The three tests below only read the two plans: they share one world (a world costs seconds).
const shared: { world?: PublicationWorld; fetch?: TestApp['fetch'] } = {};
const teardowns: (() => unknown)[] = [];
test.before(async () => {
  shared.world = await twoPlans({ teardown: (fn) => void teardowns.push(fn) });
  shared.fetch = shared.world.app.fetch;
});
test.after.always(async () => {
  for (const fn of teardowns.reverse()) await fn();
});

test.serial('the CSV is the import layout: importing it into an empty database gives back the same plan', async (t) => {
  const { world, fetch } = shared as Required<typeof shared>;
  const response = await fetch('/plans/2024-03-22.csv');
  t.is(response.status, 200);
  t.is(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  t.is(response.headers.get('content-disposition'), 'attachment; filename="forward-plan-2024-03-22.csv"');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const rows = parse(Buffer.from(bytes), { columns: true, bom: true }) as Record<string, string>[];
  t.deepEqual([...new Set(rows.map((r) => r.part))], ['key', 'private', 'non_key', 'urgent']);

  const empty = await freshDb();
  t.teardown(empty.close);
  const summary = await importPlan(empty.db, bytes, '2024-03-22');
  t.like(summary, { status: 'imported', keyDecisionsFrom: '2024-04-22', entries: 5, newEntries: 2, previousEntries: 3 });
  const original = await printedEntries(world.db, '2024-03-22');
  t.is(original.length, 5);
  t.deepEqual(await printedEntries(empty.db, '2024-03-22'), original);
  const plan = await empty.db.selectFrom('plans').select(['published_on', 'key_decisions_from']).executeTakeFirstOrThrow();
  t.deepEqual(plan, { published_on: '2024-03-22', key_decisions_from: '2024-04-22' });
});

test.serial('CSV cells that a spreadsheet would run as formulas are quoted, except the columns the import reads as values', async (t) => {
  t.is(guardFormula('description', '=HYPERLINK("http://example.com")'), `'=HYPERLINK("http://example.com")`);
  for (const start of ['+', '-', '@']) t.is(guardFormula('contacts', `${start}cmd`), `'${start}cmd`);
  t.is(guardFormula('title', 'A plain title'), 'A plain title');
  t.is(guardFormula('reference', '-'), '-');
  for (const start of ['\t', '\r', '  =', '＝']) t.is(guardFormula('title', `${start}cmd`), `'${start}cmd`, JSON.stringify(start));

  const world = await publicationWorld(t);
  await addDecision(world, { title: '=1+1', part: 'non_key', is_key: false, contacts: '@someone' });
  await world.deps.publication.publish({ publishedOn: '2024-03-08', userId: null });
  const { fetch } = world.app;
  const [row] = parse(Buffer.from(await (await fetch('/plans/2024-03-08.csv')).arrayBuffer()), { columns: true, bom: true }) as Record<string, string>[];
  t.like(row, { title: "'=1+1", contacts: "'@someone", part: 'non_key' });
});

test.serial('CSV cells that begin with a tab or a carriage return are quoted like those that begin with =', async (t) => {
  // Publication and import trim every cell, so only a plan written some other way (by hand, in
  // the one transaction the database allows) can hold such text; the export guards it all the same.
  const world = await publicationWorld(t);
  const id = await addDecision(world, { title: 'Tab and return', part: 'non_key', is_key: false });
  await world.db.transaction().execute(async (trx) => {
    const plan = await trx
      .insertInto('plans')
      .values({ published_on: '2024-03-08', key_decisions_from: '2024-04-08', source: 'import' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_entries')
      .values({
        plan_id: plan.id, decision_id: id, part: 'non_key', advertised: 'new', position: 1, reference: '',
        title: 'Tab and return', description: '\t=1+1', decision_maker: 'Cabinet', expected_date_text: 'June 2024',
        scrutiny_committee: '\r=cmd|\' /c calc\'!A1', wards: 'All wards', consultation: '\t\r@SUM(1)', contacts: 'None',
        directorate: 'Place', documents: 'None',
      })
      .execute();
  });
  const { fetch } = world.app;
  const [row] = parse(Buffer.from(await (await fetch('/plans/2024-03-08.csv')).arrayBuffer()), { columns: true, bom: true }) as Record<string, string>[];
  t.like(row, { title: 'Tab and return', description: "'\t=1+1", scrutiny_committee: "'\r=cmd|' /c calc'!A1", consultation: "'\t\r@SUM(1)" });
});

/** The text drawn on the pages: every stream inflated, the hex strings of the text operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let pages = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const body = Buffer.from(match[1]!, 'latin1');
    try {
      pages += inflateSync(body).toString('latin1');
    } catch {
      pages += body.toString('latin1');
    }
  }
  return [...pages.matchAll(/<([0-9a-f]+)>/g)].map((m) => fromWinAnsi(Buffer.from(m[1]!, 'hex'))).join('');
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F.
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const fromWinAnsi = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b))).join('');
const squeeze = (s: string) => s.replace(/\s+/g, '');

test.serial('the PDF is a landscape A4 PDF with the plan\'s parts, columns and text', async (t) => {
  const { world, fetch } = shared as Required<typeof shared>;
  const response = await fetch('/plans/2024-03-22.pdf');
  t.is(response.status, 200);
  t.is(response.headers.get('content-type'), 'application/pdf');
  t.is(response.headers.get('content-disposition'), 'inline; filename="forward-plan-2024-03-22.pdf"');
  const pdf = Buffer.from(await response.arrayBuffer());
  t.is(pdf.subarray(0, 5).toString(), '%PDF-');
  t.regex(pdf.toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/, 'A4, landscape');

  const text = squeeze(pdfText(pdf));
  for (const expected of [
    'PUBLISHED: 22 MARCH 2024',
    'PART 1 – KEY DECISIONS',
    'KEY DECISIONS FROM 22 APRIL 2024',
    'PART 4 – KEY DECISIONS TAKEN UNDER URGENCY PROCEDURES',
    'DATE DECISION EXPECTED',
    'RELEVANT SCRUTINY COMMITTEE',
    'Award of contract, "phase 2"',
    'KEY/08APR24/01',
    'Cllr Ray Bisby, Cabinet Member for Children\'s Services',
    'Emergency roof repairs',
    '12 March 2024',
    'Line two – with an en dash and £500,000.',
  ]) {
    t.true(text.includes(squeeze(toWinAnsi(expected))), expected);
  }
  t.true(text.includes(squeeze('Lódz twinning – “friendship” agreement ?')), 'characters the standard fonts lack are spelt plainly');

  const uncompressed = await renderPlanPdf((await world.deps.plans.byDate('2024-03-22'))!, 'Peterborough City Council', { compress: false });
  t.true(uncompressed.toString('latin1').includes('/Helvetica'), 'the standard fonts, nothing embedded');
});

test.serial('the JSON carries every entry and the other formats; the page links to them', async (t) => {
  const { fetch } = shared as Required<typeof shared>;
  const json = (await (await fetch('/api/v1/plans/2024-03-22')).json()) as {
    publishedOn: string;
    keyDecisionsFrom: string;
    formats: Record<string, string>;
    counts: { total: number };
    parts: { part: string; newEntries: { reference: string; expectedDate: { asPrinted: string } }[]; previousEntries: unknown[] }[];
  };
  t.like(json, { publishedOn: '2024-03-22', keyDecisionsFrom: '2024-04-22', counts: { total: 5 } });
  t.deepEqual(json.formats, { html: '/plans/2024-03-22', pdf: '/plans/2024-03-22.pdf', csv: '/plans/2024-03-22.csv', json: '/api/v1/plans/2024-03-22' });
  t.is(json.parts.find((p) => p.part === 'urgent')?.newEntries[0]?.expectedDate.asPrinted, '12 March 2024');

  const page = await (await fetch('/plans/2024-03-22')).text();
  for (const href of ['/plans/2024-03-22.pdf', '/plans/2024-03-22.csv', '/api/v1/plans/2024-03-22']) t.true(page.includes(`href="${href}"`), href);
  t.is((await fetch('/plans/2024-03-23.pdf')).status, 404);
  t.is((await fetch('/plans/not-a-date.csv')).status, 404);
});
