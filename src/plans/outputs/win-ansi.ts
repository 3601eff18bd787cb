/*
 * The PDF uses the 14 standard PDF fonts (Helvetica), which are never embedded and can only
 * show the Windows-1252 ("WinAnsi") characters. Anything else would print as garbage, so it is
 * spelt with its base letter where it has one (ő → o) or shown as '?'. The HTML, CSV and JSON
 * carry the exact text.
 */

// The characters Windows-1252 adds in 0x80–0x9F.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOKALIKES: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '‐': '-', '‑': '-', '−': '-', ' ': ' ' };

function printable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (printable(char)) {
      out += char;
      continue;
    }
    const base = LOOKALIKES[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every(printable) ? base : char === '\t' ? ' ' : '?';
  }
  return out;
}
