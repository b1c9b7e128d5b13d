// How fast a laptop verifies and installs a large pack from a `.chieng` file (the signature
// chain, then every file streamed out of the archive, hashed, written to staging, fsynced and
// committed), against `sha256sum` hashing the same files in the same run. Both read from the
// page cache: the archive and the source files are read once before anything is timed. Each
// timed step starts after an untimed `sync`, so neither pays to write back the other's data;
// the install still pays for writing 2,000 files and making them durable (one syncfs on
// Linux, an fsync per file elsewhere), which sha256sum never does.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPack } from '../../../electron/core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../../electron/core/packs/authoring/glyph-coverage';
import { openPackService } from '../../../electron/core/packs/pack-service';
import { fontsDir, makePublisher, makeRoot } from '../../support/pack-fixtures';
import type { Figure } from '../support/figure';
import { median, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const runs = 3;
const fileCount = 2_000;
const fileBytes = 100_000;
const totalBytes = fileCount * fileBytes;
const megabyte = 1_000_000;
const packId = 'vn.test.bench-throughput';
/** sha256sum is given this many files per process, well under any argument-length limit. */
const sha256sumBatch = 500;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const figure: Figure = {
  name: 'pack_verify_install_throughput',
  unit: 'MB/s',
  target: { min: 0.7, of: 'ratio' },
  async measure({ log }) {
    return withTempDir('chieng-bench-pack', async (work) => {
      log(`generating ${fileCount} files, ${totalBytes / megabyte} MB, and building them into a signed pack (not timed)`);
      const sourceDir = path.join(work, 'source');
      const files = await writeSource(sourceDir);
      const root = await makeRoot(path.join(work, 'roots'));
      const publisher = makePublisher(root);
      const archive = path.join(work, 'bench.chieng');
      await buildPack({
        sourceDir,
        key: publisher.secret,
        certificate: publisher.certificate,
        out: archive,
        glyphs: loadGlyphCoverage(fontsDir),
      });

      let dataDirs = 0;
      const timeInstall = async (): Promise<number> => {
        // A fresh data folder each time. Old ones stay until the end: deleting 200 MB just
        // before a run would make the disk busy discarding blocks while the run writes.
        const dataDir = path.join(work, `data-${(dataDirs += 1)}`);
        await quietDisk();
        const startedAt = performance.now();
        const service = await openPackService({
          dataDir,
          builtInRoots: root.dir,
          onDamaged: (file) => log(`unexpected damaged file ${file}`),
        });
        const outcome = await service.importFile(archive, path.basename(archive));
        const seconds = (performance.now() - startedAt) / 1000;
        if (outcome.status !== 'installed' || outcome.bytesAdded !== totalBytes)
          throw new Error(`install did not add the whole pack: ${JSON.stringify(outcome)}`);
        return seconds;
      };
      const timeBaseline = async () => {
        await quietDisk();
        return sha256sumSeconds(sourceDir, files);
      };

      // Unrecorded: puts the archive and the source files in the page cache for both sides.
      await readThrough(archive);
      await timeBaseline();
      await timeInstall();
      const install: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        // Alternate which goes first so neither always inherits the other's leftovers.
        if (run % 2 === 0) {
          install.push(await timeInstall());
          baseline.push(await timeBaseline());
        } else {
          baseline.push(await timeBaseline());
          install.push(await timeInstall());
        }
        log(`run ${run + 1}/${runs}: install ${install.at(-1)!.toFixed(2)} s, sha256sum ${baseline.at(-1)!.toFixed(2)} s`);
      }
      const installSeconds = median(install);
      const baselineSeconds = median(baseline);
      return {
        value: round(totalBytes / megabyte / installSeconds, 1),
        baseline: {
          name: 'sha256sum_same_files_throughput',
          value: round(totalBytes / megabyte / baselineSeconds, 1),
          unit: 'MB/s',
          extra: { seconds: round(baselineSeconds, 3) },
        },
        runs,
        extra: { seconds: round(installSeconds, 3), files: fileCount, bytes: totalBytes },
      };
    });
  },
};

export default figure;

/**
 * A source folder of `fileCount` PNG-signed files of random bytes, one `image` item each;
 * returns the files' paths relative to the folder.
 */
async function writeSource(sourceDir: string): Promise<string[]> {
  await mkdir(path.join(sourceDir, 'images'), { recursive: true });
  const files: string[] = [];
  const items = [];
  for (let index = 0; index < fileCount; index += 1) {
    const name = String(index).padStart(4, '0');
    const file = `images/${name}.png`;
    const content = randomBytes(fileBytes);
    pngSignature.copy(content);
    await writeFile(path.join(sourceDir, ...file.split('/')), content);
    files.push(file);
    items.push({
      id: `anh-${name}`,
      kind: 'image',
      languages: ['vi'],
      topics: ['bench'],
      title: { vi: `Ảnh ${name}` },
      files: [{ path: file }],
    });
  }
  await writeFile(path.join(sourceDir, 'pack.json'), JSON.stringify({ id: packId, version: 1, title: { vi: 'Gói đo tốc độ' }, items }));
  return files;
}

/** Writes back whatever earlier steps left dirty (the pack just built, an earlier install), untimed. */
async function quietDisk(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('sync', [], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`sync exited ${code}`))));
  });
}

async function readThrough(file: string): Promise<void> {
  for await (const chunk of createReadStream(file, { highWaterMark: megabyte })) void chunk;
}

/** Wall time of `sha256sum` over `files` (relative to `dir`), in batches run one after another. */
async function sha256sumSeconds(dir: string, files: readonly string[]): Promise<number> {
  let seconds = 0;
  for (let start = 0; start < files.length; start += sha256sumBatch) {
    const batch = files.slice(start, start + sha256sumBatch);
    const startedAt = performance.now();
    const lines = await runSha256sum(dir, batch);
    seconds += (performance.now() - startedAt) / 1000;
    if (lines !== batch.length) throw new Error(`sha256sum printed ${lines} digests for ${batch.length} files`);
  }
  return seconds;
}

function runSha256sum(dir: string, files: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('sha256sum', ['--', ...files], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 0x0a) lines += 1;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2_000)));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`sha256sum exited ${code}: ${stderr}`))));
  });
}
