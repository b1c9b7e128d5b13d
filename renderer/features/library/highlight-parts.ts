export interface TextPart {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * Cuts `text` into plain and marked pieces by the ranges ([start, end) in UTF-16 units) the
 * core found. Ranges out of bounds, empty, overlapping or out of order are tolerated, so a
 * bad range can cost a highlight but never the text.
 */
export function highlightParts(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const clean = ranges
    .map(
      ([start, end]) =>
        [Math.max(0, Math.min(text.length, Math.trunc(start))), Math.max(0, Math.min(text.length, Math.trunc(end)))] as const,
    )
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of clean) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
