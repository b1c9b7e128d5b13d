// How much JavaScript, gzipped, the renderer makes a browser fetch before its first
// screen, against a React hello-world built in the same run with the same settings.
import path from 'node:path';
import type { Figure } from '../support/figure';
import { measureInitialJs } from '../support/initial-js';
import { withRepoTempDir } from '../support/temp-dir';
import { buildHelloReact } from '../baselines/hello-react';

const figure: Figure = {
  name: 'renderer_initial_js_gzip',
  unit: 'bytes',
  target: { max: 350 * 1024 },
  async measure({ repoRoot, log }) {
    const app = await measureInitialJs(path.join(repoRoot, 'dist', 'renderer', 'index.html'));
    log(`renderer initial JS: ${app.files.map((file) => path.relative(repoRoot, file)).join(', ')}`);
    const baseline = await withRepoTempDir(repoRoot, 'hello-react', async (dir) => measureInitialJs(await buildHelloReact(dir)));
    return {
      value: app.gzipBytes,
      baseline: {
        name: 'react_hello_world_initial_js_gzip',
        value: baseline.gzipBytes,
        unit: 'bytes',
        extra: { files: baseline.files.length, rawBytes: baseline.rawBytes },
      },
      // The size of a build does not vary from one measurement to the next.
      runs: 1,
      extra: { files: app.files.length, rawBytes: app.rawBytes },
    };
  },
};

export default figure;
