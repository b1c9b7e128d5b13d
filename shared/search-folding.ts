// Folding text for search, so that people type what they can: "khau trang" finds "khẩu
// trang", "dak lak" finds "Đắk Lắk", "buon ea bhok" finds "buôn Ea Bhốk". Marks go (tones,
// breves, the macron below); the letters with no decomposition are mapped by hand (đ, ƀ);
// every apostrophe is the same apostrophe, and gone.

const letters: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'd',
  ƀ: 'b',
  Ƀ: 'b',
  ɓ: 'b',
  ɗ: 'd',
};
const apostrophes = /['’ʼ‘`´]/g;
const marks = /\p{M}/gu;

// Texts repeat the same few hundred characters: fold each once.
const foldedChars = new Map<string, string>();

/** One character folded: lowercase, no marks, '' for an apostrophe. */
function foldChar(char: string): string {
  let out = foldedChars.get(char);
  if (out === undefined) {
    out = /['’ʼ‘`´]/.test(char) ? '' : (letters[char] ?? char).normalize('NFD').replace(marks, '').toLowerCase();
    if (foldedChars.size < 10_000) foldedChars.set(char, out);
  }
  return out;
}

/** The folded text, for indexing and for queries. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(apostrophes, '')
    .normalize('NFD')
    .replace(marks, '')
    .replace(/[đĐƀɃɓɗ]/g, (char) => letters[char] ?? char)
    .toLowerCase();
}

export interface FoldedText {
  readonly folded: string;
  /** For each character of `folded`, where it came from in the original (NFC) text. */
  readonly origin: readonly number[];
}

/** The folded text with a map back to the original, to highlight matches where they are. */
export function foldWithOrigin(text: string): FoldedText {
  const source = text.normalize('NFC');
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of source) {
    const out = foldChar(char);
    for (let i = 0; i < out.length; i += 1) origin.push(index);
    folded += out;
    index += char.length;
  }
  return { folded, origin };
}

/** Words of folded text: letters and digits; hyphens, spaces and punctuation split them. */
export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * The terms to index for a text: its words, and each pair of neighbours joined, so that
 * "Ê Đê", "Ê-đê" and "Êđê" (and "Cư M'gar", "Cư Mgar") all meet in one term.
 */
export function indexTerms(text: string): string[] {
  const list = words(fold(text));
  const joined = list.slice(1).map((word, index) => `${list[index] ?? ''}${word}`);
  return [...list, ...joined];
}

/** Whether every word typed is found in the text, in any order, both folded. */
export function matchesQuery(text: string, query: string): boolean {
  const folded = fold(text);
  return words(fold(query)).every((word) => folded.includes(word));
}
