// Scans electron/ with Electronegativity. A finding of medium severity or above fails the
// check unless the allow-list beside this file explains why it is a false positive.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly severity: { readonly name: string; readonly value: number };
  readonly location: { readonly line: number; readonly column: number };
  readonly description: string;
}
interface ScanResult {
  readonly issues: readonly Finding[];
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable?: boolean }[];
}
interface Allowed {
  readonly id: string;
  readonly file: string;
  readonly why: string;
}

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity') as (options: object) => Promise<ScanResult>;
const allowList = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8')) as Allowed[];
const mediumSeverity = 2;

// The scanner chats on stdout (and tries the network for translations and Electron
// releases, failing fast offline); keep our one report readable.
const quiet = { log: console.log, info: console.info, warn: console.warn };
console.log = console.info = console.warn = () => undefined;
let result: ScanResult;
try {
  const { version } = require('electron/package.json') as { version: string };
  result = await electronegativity({ input: path.resolve('electron'), isRelative: true, electronVersionOverride: version });
} finally {
  Object.assign(console, quiet);
}

const unparsed = result.errors.filter((error) => !error.tolerable);
const serious = result.issues.filter((issue) => issue.severity.value >= mediumSeverity);
const allowed = (issue: Finding) => allowList.some((entry) => entry.id === issue.id && entry.file === issue.file);
const failing = serious.filter((issue) => !allowed(issue));
const stale = allowList.filter((entry) => !serious.some((issue) => issue.id === entry.id && issue.file === entry.file));

for (const issue of serious) {
  const mark = allowed(issue) ? 'allowed' : 'FAIL';
  console.log(`electronegativity: ${mark} ${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`);
}
for (const error of unparsed) console.log(`electronegativity: FAIL could not scan ${error.file}: ${error.message}`);
for (const entry of stale)
  console.log(`electronegativity: note: allow-list entry ${entry.id} ${entry.file} no longer matches a finding; remove it`);
console.log(
  `electronegativity: ${result.issues.length} findings, ${serious.length} medium or above, ${failing.length} not allowed, ${unparsed.length} files not scanned`,
);
process.exitCode = failing.length > 0 || unparsed.length > 0 ? 1 : 0;
