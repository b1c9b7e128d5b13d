/**
 * A BCP-47 tag in its canonical form: `vi`, `rad`, `jra`, `cmo`, `mng`, `en`, `vi-VN`. Intl
 * knows the grammar of tags, so a malformed one throws there rather than passing here.
 */
export function isCanonicalLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}
