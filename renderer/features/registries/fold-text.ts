// Folding for the registries' search, so "buon ea" finds "Buôn Ea Bhốk" and "y linh" finds
// "Y Lính": lower case, no tone marks or breves, đ and ƀ as d and b, no apostrophes. The
// same rules as the core's search, which the renderer may not import.
const marks = /\p{M}/gu;
const apostrophes = /['’ʼ‘`´]/g;
const letters: Readonly<Record<string, string>> = { đ: 'd', Đ: 'd', ƀ: 'b', Ƀ: 'b', ɓ: 'b', ɗ: 'd' };

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(marks, '')
    .replace(apostrophes, '')
    .replace(/[đĐƀɃɓɗ]/g, (char) => letters[char] ?? char)
    .toLowerCase();
}

/** Whether every word typed is found in the text, in any order. */
export function matchesQuery(text: string, query: string): boolean {
  const folded = foldText(text);
  return foldText(query)
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => folded.includes(word));
}
