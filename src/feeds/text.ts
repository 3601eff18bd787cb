/*
 * Text going into feeds. Everything a feed shows comes from the database, typed by staff or
 * imported, so it is treated as untrusted: escaped for HTML, stripped of characters XML cannot
 * carry at all.
 */

// XML 1.0 allows only these characters, even inside CDATA; one stray control character or lone
// surrogate would make the whole feed unreadable for every subscriber.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

export function escapeHtml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Paragraphs as typed (blank lines apart), line breaks kept, escaped. */
export function htmlParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * Plain text for a CDATA section. The feed package's XML writer splits only the first ']]>' in
 * a section, so a second one would end it early; a space keeps the words and the XML intact.
 */
export function cdataSafe(text: string): string {
  return xmlSafe(text).replace(/]]>/g, ']] >');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
