/** Answers so far: a manifest names the same few tags thousands of times, and Intl is slow to ask. */
const known = new Map<string, boolean>();
/** Bounds what a hostile manifest full of distinct tags can make this keep. */
const maxKnown = 1_000;

/**
 * A BCP-47 tag in its canonical form: `vi`, `rad`, `jra`, `cmo`, `mng`, `en`, `vi-VN`. Intl
 * knows the grammar of tags, so a malformed one throws there rather than passing here.
 */
export function isCanonicalLanguageTag(tag: string): boolean {
  let canonical = known.get(tag);
  if (canonical === undefined) {
    canonical = canonicalise(tag) === tag;
    if (known.size >= maxKnown) known.clear();
    known.set(tag, canonical);
  }
  return canonical;
}

function canonicalise(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
