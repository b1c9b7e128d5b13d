// What a page must download before its first screen: the module scripts and module
// preloads its index.html names. Read from the HTML rather than globbed, so lazy chunks
// sitting in the same folder do not count.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  readonly files: readonly string[];
  readonly rawBytes: number;
  /** Each file gzipped on its own, as each is fetched on its own. */
  readonly gzipBytes: number;
}

export async function measureInitialJs(indexHtmlPath: string): Promise<InitialJs> {
  const html = await readFile(indexHtmlPath, 'utf8');
  const root = path.dirname(indexHtmlPath);
  const files = [...new Set(initialScriptRefs(html).map((ref) => localPath(root, ref)))];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(file);
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

export function initialScriptRefs(html: string): string[] {
  const refs: string[] = [];
  for (const [, tag = '', attributeText = ''] of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attributes = parseAttributes(attributeText);
    if (tag.toLowerCase() === 'script' && attributes.get('type') === 'module' && attributes.get('src')) {
      refs.push(attributes.get('src')!);
    }
    const rel = attributes.get('rel')?.toLowerCase().split(/\s+/) ?? [];
    if (tag.toLowerCase() === 'link' && rel.includes('modulepreload') && attributes.get('href')) {
      refs.push(attributes.get('href')!);
    }
  }
  return refs;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = '', doubleQuoted, singleQuoted, bare] of text.matchAll(
    /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
  )) {
    attributes.set(name.toLowerCase(), doubleQuoted ?? singleQuoted ?? bare ?? '');
  }
  return attributes;
}

/** A reference relative to the page (or to the folder it is served from) as a file path. */
function localPath(root: string, ref: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) throw new Error(`initial script is not a local file: ${ref}`);
  const pathname = decodeURIComponent(ref.replace(/[?#].*$/, ''));
  return path.join(root, pathname.startsWith('/') ? pathname.slice(1) : pathname);
}
