/*
 * What a reader sees in the HTML a test fetched. Entities are decoded in one pass, `&amp;`
 * included, so `&amp;lt;` reads as the `&lt;` it stands for: decoding `&amp;` first would turn
 * a double-escaped `<` back into `<` and hide exactly the bug a test is looking for.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** The page's text without scripts and tags, entities decoded, white space folded. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** Tags replaced by spaces and entities decoded, white space kept. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' '));
}
