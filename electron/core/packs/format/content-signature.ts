// The first bytes each binary media type starts with. A file named .png that is not a PNG is
// refused when a pack is built, so a mislabelled file never reaches a village screen.

type Check = (head: Uint8Array) => boolean;

const startsWith =
  (bytes: readonly number[], offset = 0): Check =>
  (head) =>
    bytes.every((byte, i) => head[offset + i] === byte);
const ascii = (text: string, offset = 0): Check =>
  startsWith(
    [...text].map((c) => c.charCodeAt(0)),
    offset,
  );
const anyOf =
  (...checks: Check[]): Check =>
  (head) =>
    checks.some((check) => check(head));

const checks: Readonly<Record<string, Check>> = {
  'image/png': startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': startsWith([0xff, 0xd8, 0xff]),
  'image/webp': (head) => ascii('RIFF')(head) && ascii('WEBP', 8)(head),
  'audio/mpeg': anyOf(ascii('ID3'), (head) => head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0),
  'audio/ogg': ascii('OggS'),
  'audio/wav': (head) => ascii('RIFF')(head) && ascii('WAVE', 8)(head),
  'audio/webm': startsWith([0x1a, 0x45, 0xdf, 0xa3]),
  'video/webm': startsWith([0x1a, 0x45, 0xdf, 0xa3]),
  'audio/mp4': ascii('ftyp', 4),
  'video/mp4': ascii('ftyp', 4),
  'application/pdf': ascii('%PDF-'),
};

/** How many leading bytes the checks need. */
export const contentSignatureLength = 16;

/** True when the content's first bytes fit its media type (text types have no signature). */
export function contentMatchesMediaType(head: Uint8Array, mediaType: string): boolean {
  const check = checks[mediaType];
  return check ? check(head) : true;
}
