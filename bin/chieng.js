#!/usr/bin/env node
// `chieng`: runs the bundled CLI. Built by `npm run build` (npm start and npm test build it too).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/chieng.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('chieng: chưa dựng ứng dụng / not built yet: run `npm run build`\n');
  process.exit(1);
}
await import(entry.href);
