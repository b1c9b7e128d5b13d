// Signs the demo pack from its sources in resources/, with the demo key, into the folder of
// packs the app installs on first start.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildPack } from '../../electron/core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../electron/core/packs/authoring/glyph-coverage';
import { readCertificateFile, readSecretKey } from '../../electron/core/packs/authoring/key-files';

export const embeddedPacksDir = 'dist/embedded-packs';

export async function buildDemoPack(): Promise<string> {
  const keys = 'resources/demo-pack/keys';
  const key = await readSecretKey(path.join(keys, 'demo-publisher.key'));
  const certificate = await readCertificateFile(path.join(keys, 'demo-publisher.cert'));
  await rm(embeddedPacksDir, { recursive: true, force: true });
  await mkdir(embeddedPacksDir, { recursive: true });
  const temp = path.join(embeddedPacksDir, 'demo.chieng');
  const result = await buildPack({
    sourceDir: 'resources/demo-pack/source',
    key,
    certificate: { text: certificate.certificate, signature: certificate.signature },
    out: temp,
    glyphs: loadGlyphCoverage('resources/fonts'),
  });
  // The version in the name tells the app, at start, whether it has offered this one yet.
  const out = path.join(embeddedPacksDir, `${result.manifest.id}-v${result.manifest.version}.chieng`);
  await rename(temp, out);
  return out;
}
