import { readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import type { Config } from '../../src/config/config.ts';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { insertDecision, insertDecisionEvent } from '../../src/decisions/decision.write.repository.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { SAMPLE_PLAN } from '../../src/sample/load-sample.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { decisionIdByReference as idByReference } from '../helpers/lookups.ts';

export const BASE_URL = 'https://forwardplan.example.gov.uk';

export type FeedsApp = TestApp;

/**
 * The real app on a fresh database with the sample plan, wired as main.ts wires it (LISTEN on
 * the server, or on the embedded database), with a count of the queries it sends.
 */
export function startFeedsApp(options: { config?: Partial<Config> } = {}): Promise<FeedsApp> {
  return startTestApp({ sample: true, config: { baseUrl: BASE_URL, ...options.config } });
}

/** A GET that shows the bytes as sent (fetch would undo the compression). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function text(app: FeedsApp, path: string): Promise<string> {
  const response = await app.fetch(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.text();
}

const parser = new Parser({ customFields: { item: ['content:encoded'] } });

export async function parseXmlFeed(xml: string) {
  return parser.parseString(xml);
}

export interface JsonFeed {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  authors?: { name?: string }[];
  items: { id: string; url?: string; title?: string; summary?: string; content_html?: string; date_published?: string; date_modified?: string }[];
}

/** JSON Feed 1.1's required structure, checked field by field. */
export function parseJsonFeed(body: string): JsonFeed {
  const feed = JSON.parse(body) as JsonFeed;
  if (feed.version !== 'https://jsonfeed.org/version/1.1') throw new Error(`not JSON Feed 1.1: ${feed.version}`);
  if (typeof feed.title !== 'string' || !Array.isArray(feed.items)) throw new Error('a JSON Feed needs a title and items');
  for (const item of feed.items) {
    if (typeof item.id !== 'string' || item.id === '') throw new Error('every item needs a string id');
    if (typeof item.content_html !== 'string') throw new Error('every item needs content');
  }
  return feed;
}

export interface CalendarEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  startIsDate: boolean;
  end: string;
  sequence: number;
  lastModified: string;
  status: string;
  transparency: string;
  url: string;
}

const isoOf = (time: ICAL.Time) => `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;

export function parseCalendar(body: string): { name: string; events: CalendarEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: isoOf(event.startDate),
      startIsDate: event.startDate.isDate,
      end: isoOf(event.endDate),
      sequence: event.sequence,
      lastModified: String(vevent.getFirstPropertyValue('last-modified')),
      status: String(vevent.getFirstPropertyValue('status')),
      transparency: String(vevent.getFirstPropertyValue('transp')),
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

export { textOf as decodeHtml } from '../helpers/html.ts';

export function decisionIdByReference(app: FeedsApp, reference: string): Promise<number> {
  return idByReference(app.handle.db, reference);
}

/** The sample plan republished on another date with one expected date moved. */
export async function publishMovedPlan(db: DbHandle['db'], publishedOn = '2024-03-08') {
  const moved = readFileSync(SAMPLE_PLAN, 'utf8').replace(
    /(KEY\/25MAR24\/02,Peterborough Housing Strategy[^\n]*?),17 June,/,
    '$1,15 July 2024,',
  );
  if (!moved.includes('15 July 2024')) throw new Error('the sample plan no longer has the row this test moves');
  return importPlan(db, Buffer.from(moved, 'utf8'), publishedOn);
}

/** A second connection pool to the same database, as the `fp import-plan` CLI would open from another process. */
export function otherWriter(app: FeedsApp): { db: DbHandle['db']; close(): Promise<void> } {
  const other = createDb({ url: app.handle.url, poolSize: 1 });
  return { db: other.db, close: other.close };
}

/** Waits until a feed's ETag differs from `etag` (a change has been heard), or fails after 5 s. */
export async function waitForNewEtag(app: FeedsApp, path: string, etag: string): Promise<Response> {
  const until = Date.now() + 5_000;
  for (;;) {
    const response = await app.fetch(path);
    if (response.headers.get('etag') !== etag) return response;
    await response.arrayBuffer();
    if (Date.now() > until) throw new Error(`${path} still has ETag ${etag} after 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const TRICKY = {
  title: 'Fish & Chips <b>Shop</b> “Quoted” "plain" \'single\' – £1,000; costs 🎉👨‍👩‍👧 ok',
  description:
    'Line one has & and <script>alert(1)</script>, commas, and; semicolons; a back\\slash.\n' +
    'Line two – en dash, £ pound, emoji 🏫 and ]]> twice ]]> in one text.\n\n' +
    'Third paragraph: ' + 'a very long description that goes on and on '.repeat(40).trim() + ' – the end.',
};

/** A planned key decision whose every text holds characters that break naive feeds. */
export async function insertTrickyDecision(app: FeedsApp): Promise<number> {
  const db = app.handle.db;
  const maker = await db.selectFrom('decision_makers').select('id').orderBy('id').executeTakeFirstOrThrow();
  const directorate = await db.selectFrom('directorates').select('id').orderBy('id').executeTakeFirstOrThrow();
  const id = await insertDecision(db, {
    reference: 'KEY/01APR24/99',
    reference_key: 'KEY/01APR24/99',
    title: TRICKY.title,
    description: TRICKY.description,
    part: 'key',
    is_key: true,
    status: 'planned',
    decision_maker_id: maker.id,
    portfolio_id: null,
    expected_date: '2024-04-15',
    expected_precision: 'day',
    expected_date_text: '15 April 2024',
    expected_date_note: '',
    ward_scope: 'all',
    wards_text: 'All Wards',
    consultation: 'Residents, businesses; "friends" & <others>',
    contacts: 'Jo Bloggs, jo@example.org',
    directorate_id: directorate.id,
    documents: 'Report & appendices',
    exempt_paragraph: null,
    created_by: null,
  });
  await insertDecisionEvent(db, { decisionId: id, kind: 'advertised', occurredAt: new Date('2024-03-01T09:00:00Z'), details: { part: 'key', advertised: 'new' } });
  return id;
}
