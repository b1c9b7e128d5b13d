// `chieng pack build`: a source folder in, a signed `.chieng` file out. Refuses anything a
// laptop would later refuse, and a few things only the author can fix (a missing file, an
// unknown media type, a bad language tag, leaflet text the fonts cannot draw).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { writePackArchive, archiveNames, type ArchiveObject } from '../archive/pack-archive-writer';
import { signBytes } from '../crypto/ed25519';
import { contentMatchesMediaType, contentSignatureLength } from '../format/content-signature';
import { isCanonicalLanguageTag } from '../format/language-tag';
import { leafletSchema, leafletTexts } from '../format/leaflet';
import { isTextMediaType, leafletMediaType, mediaTypeForPath } from '../format/media-types';
import {
  manifestSchema,
  packFormatVersion,
  publisherCertificateSchema,
  type Manifest,
  type PackFile,
  type SecretKeyFile,
} from '../format/schemas';
import { BuildError } from './build-error';
import type { GlyphCoverage } from './glyph-coverage';
import { packSourceSchema, type PackSource } from './pack-source';
import type { SignedText } from './sign-documents';

export interface BuildInput {
  readonly sourceDir: string;
  readonly key: SecretKeyFile;
  readonly certificate: SignedText;
  readonly out: string;
  readonly glyphs: GlyphCoverage;
  readonly now?: Date;
  /** A root's revocation list to carry, so laptops learn of revoked keys from this pack. */
  readonly revocations?: { readonly bytes: Uint8Array; readonly signature: Uint8Array };
}

export interface BuildResult {
  readonly manifest: Manifest;
  readonly files: number;
  readonly bytes: number;
}

const dayMs = 24 * 60 * 60 * 1000;

export async function buildPack(input: BuildInput): Promise<BuildResult> {
  const source = await readSource(input.sourceDir);
  const parsedCertificate = publisherCertificateSchema.safeParse(JSON.parse(input.certificate.text));
  if (!parsedCertificate.success) throw new BuildError('certificateInvalid', {});
  const certificate = parsedCertificate.data;
  if (certificate.keyId !== input.key.keyId)
    throw new BuildError('certificateMismatch', { key: input.key.keyId, certificate: certificate.keyId });
  if (!certificate.prefixes.some((prefix) => source.id.startsWith(prefix)))
    throw new BuildError('idNotAllowed', { id: source.id, prefixes: certificate.prefixes.join(', ') });

  const objects: ArchiveObject[] = [];
  const items: Manifest['items'] = [];
  for (const item of source.items) {
    for (const tag of [...item.languages, ...item.files.flatMap((file) => (file.language ? [file.language] : []))]) {
      if (!isCanonicalLanguageTag(tag)) throw new BuildError('badLanguage', { tag, item: item.id });
    }
    const files: PackFile[] = [];
    for (const file of item.files) {
      const built = await buildFile(
        input,
        file.path,
        item.files.map((each) => each.path),
      );
      files.push({
        path: file.path,
        ...(file.language ? { language: file.language } : {}),
        size: built.size,
        sha256: built.sha256,
        mediaType: built.mediaType,
      });
      objects.push(built);
    }
    items.push({
      id: item.id,
      kind: item.kind,
      languages: item.languages,
      topics: item.topics,
      title: nfc(item.title),
      ...(item.summary ? { summary: nfc(item.summary) } : {}),
      ...(item.source ? { source: item.source.normalize('NFC') } : {}),
      ...(item.license ? { license: item.license.normalize('NFC') } : {}),
      files,
    });
  }

  const publishedAt = source.publishedAt ? new Date(source.publishedAt) : (input.now ?? new Date());
  const expiresAt = source.expiresAt ? new Date(source.expiresAt) : new Date(publishedAt.getTime() + (source.validDays ?? 365) * dayMs);
  const manifest: Manifest = {
    type: 'chieng-manifest',
    format: packFormatVersion,
    id: source.id,
    version: source.version,
    title: nfc(source.title),
    ...(source.description ? { description: nfc(source.description) } : {}),
    publisherKeyId: input.key.keyId,
    publishedAt: publishedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    items,
  };
  // What a laptop will check, checked here first, so a bad pack never leaves the author.
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new BuildError('invalidSource', { detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'manifest' });
  }
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const signatureBytes = (value: unknown) => Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  const documents = new Map<string, Uint8Array>([
    [archiveNames.manifest, manifestBytes],
    [archiveNames.manifestSignature, signatureBytes(signBytes(manifestBytes, input.key))],
    [archiveNames.publisher, Buffer.from(input.certificate.text, 'utf8')],
    [archiveNames.publisherSignature, signatureBytes(input.certificate.signature)],
  ]);
  if (input.revocations) {
    documents.set(archiveNames.revocations, input.revocations.bytes);
    documents.set(archiveNames.revocationsSignature, input.revocations.signature);
  }
  await writePackArchive(input.out, documents, objects);
  const distinct = new Map(objects.map((object) => [object.sha256, object.size]));
  return { manifest, files: distinct.size, bytes: [...distinct.values()].reduce((sum, size) => sum + size, 0) };
}

async function readSource(sourceDir: string): Promise<PackSource> {
  let text: string;
  try {
    text = await readFile(path.join(sourceDir, 'pack.json'), 'utf8');
  } catch {
    throw new BuildError('missingFile', { path: 'pack.json' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BuildError('invalidSource', { detail: 'pack.json is not JSON' });
  }
  const parsed = packSourceSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BuildError('invalidSource', { detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'pack.json' });
  }
  return parsed.data;
}

async function buildFile(
  input: BuildInput,
  relative: string,
  siblings: readonly string[],
): Promise<ArchiveObject & { sha256: string; size: number }> {
  const file = path.join(input.sourceDir, ...relative.split('/'));
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new BuildError('missingFile', { path: relative });
  const mediaType = mediaTypeForPath(relative);
  if (!mediaType) throw new BuildError('unknownMediaType', { path: relative });

  if (isTextMediaType(mediaType)) {
    const bytes = await readFile(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new BuildError('notUtf8', { path: relative });
    }
    const normalised = Buffer.from(text.normalize('NFC'), 'utf8');
    if (mediaType === leafletMediaType) checkLeaflet(normalised, relative, siblings, input.glyphs);
    return { mediaType, size: normalised.length, sha256: sha256Of(normalised), open: () => ReadableStream.from([normalised]) };
  }

  const head = Buffer.alloc(contentSignatureLength);
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, contentSignatureLength, 0);
  } finally {
    await handle.close();
  }
  if (!contentMatchesMediaType(head, mediaType)) throw new BuildError('contentMismatch', { path: relative, mediaType });
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { mediaType, size: info.size, sha256: hash.digest('hex'), open: (): Readable => createReadStream(file) };
}

function checkLeaflet(bytes: Buffer, relative: string, siblings: readonly string[], glyphs: GlyphCoverage): void {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BuildError('leafletInvalid', { path: relative, detail: 'JSON' });
  }
  const parsed = leafletSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BuildError('leafletInvalid', { path: relative, detail: issue ? `${issue.path.join('.')}: ${issue.message}` : '' });
  }
  for (const block of parsed.data.blocks) {
    if (block.kind === 'image' && !siblings.includes(block.path))
      throw new BuildError('leafletInvalid', { path: relative, detail: `image ${block.path} is not a file of this item` });
  }
  const missing = glyphs.missing(leafletTexts(parsed.data).join(''));
  if (missing.length > 0) {
    throw new BuildError('leafletGlyphs', {
      path: relative,
      chars: missing.map((char) => `${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', '),
    });
  }
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const nfc = (texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([language, text]) => [language, text.normalize('NFC')]));
