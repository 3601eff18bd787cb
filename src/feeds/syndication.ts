import { Feed } from 'feed';
import type { FeedEntry } from './feed-entry.ts';
import { cdataSafe, escapeHtml, xmlSafe } from './text.ts';

export type SyndicationFormat = 'rss' | 'atom' | 'json';

export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  selfUrls: Record<SyndicationFormat, string>;
  updated: Date;
  author: { name: string; link: string };
  entries: FeedEntry[];
}

const GENERATOR = 'Forward Plan service';

/**
 * Titles are plain text in RSS 2.0 and JSON Feed but marked type="html" by the feed package in
 * Atom, so each format gets the title escaped the way it will be read.
 */
function build(doc: FeedDocument, format: SyndicationFormat): Feed {
  const title = (text: string) => (format === 'atom' ? escapeHtml(text) : cdataSafe(text));
  const feed = new Feed({
    id: doc.selfUrls.atom,
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.description),
    link: doc.homeUrl,
    language: 'en-GB',
    updated: doc.updated,
    generator: GENERATOR,
    feedLinks: doc.selfUrls,
    author: { name: xmlSafe(doc.author.name), link: doc.author.link },
    copyright: xmlSafe(doc.author.name),
    ttl: 15,
  });
  for (const entry of doc.entries) {
    feed.addItem({
      id: entry.id,
      guid: entry.id,
      title: title(entry.title),
      link: entry.link,
      date: entry.date,
      published: entry.date,
      description: escapeHtml(entry.summary),
      content: entry.contentHtml,
    });
  }
  return feed;
}

/**
 * The feed package writes JSON Feed 1.0; 1.1 renames `author` to `authors`, adds `language`,
 * and wants `summary` as plain text, so the output is brought up to 1.1 here.
 */
function jsonFeed11(feed: Feed, doc: FeedDocument): string {
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const { author, ...rest } = json;
  const plain = new Map(doc.entries.map((e) => [e.id, e]));
  return JSON.stringify({
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language: 'en-GB',
    ...(author ? { authors: [author] } : {}),
    items: json.items.map((item) => {
      const entry = plain.get(item.id as string);
      return { ...item, title: entry?.title ?? item.title, summary: entry?.summary ?? item.summary };
    }),
  });
}

export function renderSyndication(doc: FeedDocument, format: SyndicationFormat): string {
  const feed = build(doc, format);
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return jsonFeed11(feed, doc);
}
