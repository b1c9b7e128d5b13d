// Which characters the bundled fonts can draw, so a leaflet never prints a box (tofu).
import * as fontkit from 'fontkit';
import path from 'node:path';

export interface GlyphCoverage {
  /** The characters of `text` that no bundled font has a glyph for, each once. */
  missing(text: string): string[];
}

export function loadGlyphCoverage(fontsDir: string): GlyphCoverage {
  // Leaflets print in the regular and the bold face; both must have every letter.
  const fonts = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'].map((name) => fontkit.openSync(path.join(fontsDir, name)) as fontkit.Font);
  return {
    missing(text) {
      const absent = new Set<string>();
      for (const char of text) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (codePoint < 0x20 || codePoint === 0x7f) continue;
        if (!fonts.every((font) => font.hasGlyphForCodePoint(codePoint))) absent.add(char);
      }
      return [...absent];
    },
  };
}
