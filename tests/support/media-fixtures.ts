// Small real media files for viewer tests, made here (or committed in tests/fixtures) so that
// no test depends on the demo pack's own files staying as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { repoRoot } from './cli-process';
import { fontsDir } from './pack-fixtures';

/** A mono 16-bit PCM WAV of a sine tone, `seconds` long: every runtime plays it. */
export function toneWav(seconds: number, frequency = 440, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // size of the fmt chunk
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 8000), 44 + i * 2);
  return wav;
}

/** About two seconds of VP8 video (64×48, a colour sweep), 2.5 KB; see tests/fixtures/README.md. */
export const colourSweepWebm = (): Buffer => readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'colour-sweep.webm'));

/** Starts like an Ogg file (so a pack may carry it) and is noise after: no runtime can play it. */
export const unplayableOgg = (): Buffer => Buffer.concat([Buffer.from('OggS'), Buffer.alloc(4096, 0x5a)]);

/** Starts like a PNG (so a pack may carry it) and is noise after: no runtime can decode it. */
export const undecodablePng = (): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 0x5a)]);

let fontsSet = false;

/** A PDF of `pages` A5 pages, each saying its number in large type on its own colour. */
export async function pagedPdf(pages: number): Promise<Buffer> {
  if (!fontsSet) {
    pdfmake.setFonts({ NotoSans: { normal: path.join(fontsDir, 'NotoSans-Regular.ttf'), bold: path.join(fontsDir, 'NotoSans-Bold.ttf') } });
    pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsDir + path.sep));
    pdfmake.setUrlAccessPolicy(() => false);
    fontsSet = true;
  }
  const colours = ['#0b5cad', '#b0361f', '#1f7a3a', '#6b3fa0'];
  return pdfmake
    .createPdf({
      pageSize: 'A5',
      defaultStyle: { font: 'NotoSans' },
      content: Array.from({ length: pages }, (_, index) => ({
        text: `Trang ${index + 1}`,
        fontSize: 64,
        bold: true,
        color: colours[index % colours.length] ?? '#000000',
        ...(index > 0 ? { pageBreak: 'before' as const } : {}),
      })),
    })
    .getBuffer();
}
