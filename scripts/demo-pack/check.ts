// Checks on the demo pack's source folder that `chieng pack build` does not make: every text
// file is already NFC (the build would silently normalise it), the published J'rai text is
// quoted exactly wherever J'rai appears, every file is named in pack.json and every name
// exists, and the media stay small. Run: npx tsx scripts/demo-pack/check.ts
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/demo-pack/source');
// UDHR Article 1 in J'rai, as published in google/fonts Lib/gflanguages/data/languages/jra_Latn.textproto.
const jrai =
  'Abih bang mơnuih-mơnam tơkeng rai rơngai laih anŭn mơdơ̆-mơđơr amăng tơlơi pơpŭ-pơyôm hăng tơlơi dưi. Ƀing gơñu tŭ hơmâo tơlơi pơmĭn hăng tơlơi thâo djơ̆-glaĭ laih anŭn brơi ngă kơ tơdruă amăng tơlơi khăp ayŏng adơi.';
const maxMediaBytes = 300 * 1024;

interface SourceFile {
  path: string;
  language?: string;
}
interface SourceItem {
  id: string;
  kind: string;
  files: SourceFile[];
}

const problems: string[] = [];
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(source, join(dir, entry.name))],
  );

const pack = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8')) as { items: SourceItem[] };
const named = new Set(pack.items.flatMap((item) => item.files.map((file) => file.path)));
for (const path of named) if (!existsSync(join(source, path))) problems.push(`${path}: named in pack.json but missing`);
for (const path of walk(source)) {
  if (path !== 'pack.json' && !named.has(path)) problems.push(`${path}: not named in pack.json`);
  if (/\.(md|json)$/.test(path)) {
    const text = readFileSync(join(source, path), 'utf8');
    if (text !== text.normalize('NFC')) problems.push(`${path}: not NFC`);
    if ((path.includes('.jra.') || path.endsWith('.leaflet.json')) && !text.includes(jrai))
      problems.push(`${path}: lacks the published J'rai text`);
  } else if (statSync(join(source, path)).size > maxMediaBytes) {
    problems.push(`${path}: larger than ${maxMediaBytes} bytes`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`demo pack source: ${named.size} files, all checks passed`);
