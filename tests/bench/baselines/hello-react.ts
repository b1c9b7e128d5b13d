// The bundle-size baseline: the smallest React 19 app, built by Vite with the renderer's
// production settings, so its initial JS is what React itself costs.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const indexHtml = `<!doctype html>
<html>
  <head><meta charset="utf-8" /><title>hi</title></head>
  <body><div id="root"></div><script type="module" src="./main.tsx"></script></body>
</html>
`;

const mainTsx = `import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>hi</h1>);
`;

/**
 * Builds the app in dir, which must sit inside the repository so that `react` resolves
 * from its node_modules; returns the built index.html.
 */
export async function buildHelloReact(dir: string): Promise<string> {
  await writeFile(path.join(dir, 'index.html'), indexHtml);
  await writeFile(path.join(dir, 'main.tsx'), mainTsx);
  const outDir = path.join(dir, 'dist');
  await build({
    // The repository's vite.config.ts builds the real renderer; mirror its build settings only.
    configFile: false,
    root: dir,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
    },
  });
  return path.join(outDir, 'index.html');
}
