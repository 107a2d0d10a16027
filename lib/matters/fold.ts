/**
 * Search folding and tokenising: case- and diacritics-insensitive (NFKD, combining marks
 * stripped, plus the letters Unicode does not decompose: ß→ss, æ→ae, ø→o, ł→l, …). Pure.
 */

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ŋ: 'n',
  ſ: 's',
  ĸ: 'k',
  ƒ: 'f',
  ɨ: 'i',
  ʉ: 'u',
  ȥ: 'z',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');
const MARKS_RE = /\p{M}+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, on purpose
const ASCII_RE = /^[\x00-\x7f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, on purpose
const NON_ASCII_RE = /[^\x00-\x7f]/gu;

const charCache = new Map<string, string>();
function foldChar(c: string): string {
  let f = charCache.get(c);
  if (f === undefined) {
    f = c
      .normalize('NFKD')
      .replace(MARKS_RE, '')
      .replace(SPECIAL_RE, (x) => SPECIAL[x] ?? x)
      .toLowerCase();
    if (charCache.size < 20_000) charCache.set(c, f);
  }
  return f;
}

/** Lower-cases and strips diacritics: "Łódź" → "lodz", "Müller" → "muller", "Straße" → "strasse". */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  // Per character (cached): NFKD decomposes each character on its own, and marks are dropped anyway.
  return lower.replace(NON_ASCII_RE, foldChar);
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** A word, then punctuation, then a word, with no space between: "o'connor", "h-1b", "00042-okafor". */
const SPACE_RE = /\s/u;

/** The words of a folded string: runs of letters and digits. "00042-okafor" → ["00042", "okafor"]. */
export function words(folded: string): string[] {
  return folded.match(WORD_RE) ?? [];
}

/**
 * The tokens a record's text is indexed under: its folded words, plus, for a
 * space-separated chunk of several words one of which is at most 2 characters, their
 * concatenation: "O'Connor" → "o", "connor", "oconnor"; "H-1B" → "h", "1b", "h1b"; "L.L.C." →
 * "llc". Pushes onto `out`; a token may be pushed more than once.
 */
export function indexTokens(text: string, out: string[]): void {
  const s = fold(text);
  const re = WORD_RE;
  re.lastIndex = 0;
  let chunkStart = out.length; // index in `out` of the first word of the current chunk
  let short = false;
  let prevEnd = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const w = m[0];
    const start = m.index;
    if (prevEnd < 0 || start === prevEnd || SPACE_RE.test(s.slice(prevEnd, start))) {
      // A new chunk: the previous one (words joined by punctuation alone) ends here.
      if (short && out.length - chunkStart > 1) out.push(out.slice(chunkStart).join(''));
      chunkStart = out.length;
      short = false;
    }
    out.push(w);
    if (w.length <= 2) short = true;
    prevEnd = start + w.length;
  }
  if (short && out.length - chunkStart > 1) out.push(out.slice(chunkStart).join(''));
}

const DIGITS_RE = /^\p{N}+$/u;
/** Whether a word is digits only ("00042", "12"). */
export function isDigits(word: string): boolean {
  return DIGITS_RE.test(word);
}

/** The words of a query, folded. */
export function queryWords(query: string): string[] {
  return words(fold(query));
}
