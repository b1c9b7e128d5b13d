// The cold-start baseline: a bare `node:http` server whose only page marks itself ready at
// once. Started and visited exactly like `chieng serve`, it leaves in its timing only what
// we do not control: spawning Node, and the browser's navigation.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const page =
  '<!doctype html><html><head><meta charset="utf-8"><title>ready</title></head><body><script>document.documentElement.dataset.ready = "true";</script></body></html>';

// Announces itself as `chieng serve --json` does, so the same code waits for both.
const script = `import { createServer } from 'node:http';
const page = ${JSON.stringify(page)};
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(JSON.stringify({ url: \`http://127.0.0.1:\${port}/\`, port, pid: process.pid }) + '\\n');
});
`;

/** Writes the server script into dir; returns its path, to run with `node`. */
export async function writeStaticPageServer(dir: string): Promise<string> {
  const file = path.join(dir, 'static-page-server.mjs');
  await writeFile(file, script);
  return file;
}
