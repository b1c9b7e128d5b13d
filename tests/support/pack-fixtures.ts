// Keys, roots, certificates and packs for tests, made the way a publisher would make them.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPack } from '../../electron/core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../electron/core/packs/authoring/glyph-coverage';
import { certifyPublisher, revokeKeys, type SignedText } from '../../electron/core/packs/authoring/sign-documents';
import { generateKey } from '../../electron/core/packs/crypto/ed25519';
import type { RootKey, SecretKeyFile } from '../../electron/core/packs/format/schemas';
import { repoRoot } from './cli-process';

export const fontsDir = path.join(repoRoot, 'resources', 'fonts');
export const builtInRootsDir = path.join(repoRoot, 'resources', 'trust', 'roots');

export interface TestRoot {
  readonly secret: SecretKeyFile;
  readonly file: RootKey;
  /** A folder holding just this root, to pass as built-in roots or --trust. */
  readonly dir: string;
}

export interface TestPublisher {
  readonly secret: SecretKeyFile;
  readonly certificate: SignedText;
}

export async function makeRoot(
  dir: string,
  options: { role?: 'official' | 'demo'; prefixes?: string[]; name?: string } = {},
): Promise<TestRoot> {
  const key = generateKey(options.name ?? 'Test root');
  const file: RootKey = {
    format: 'chieng-root/1',
    keyId: key.public.keyId,
    publicKey: key.public.publicKey,
    name: { vi: options.name ?? 'Khóa gốc thử nghiệm' },
    role: options.role ?? 'official',
    prefixes: options.prefixes ?? ['vn.'],
  };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${file.keyId}.json`), JSON.stringify(file));
  return { secret: key.secret, file, dir };
}

export function makePublisher(
  root: TestRoot,
  options: { prefixes?: string[]; issuedAt?: Date; expiresAt?: Date; name?: string } = {},
): TestPublisher {
  const key = generateKey(options.name ?? 'Test publisher');
  const certificate = certifyPublisher(root.secret, key.public, {
    prefixes: options.prefixes ?? ['vn.test.'],
    name: { vi: options.name ?? 'Đơn vị thử nghiệm' },
    issuedAt: options.issuedAt ?? new Date(Date.now() - 60_000),
    expiresAt: options.expiresAt ?? new Date(Date.now() + 365 * 24 * 3600_000),
  });
  return { secret: key.secret, certificate };
}

export function makeRevocations(root: TestRoot, keyIds: string[], version = 1): { bytes: Uint8Array; signature: Uint8Array } {
  const signed = revokeKeys(
    root.secret,
    version > 1
      ? {
          type: 'chieng-revocations',
          format: 1,
          rootKeyId: root.file.keyId,
          version: version - 1,
          issuedAt: new Date().toISOString(),
          revoked: [],
        }
      : undefined,
    keyIds,
    'test',
    new Date(),
  );
  return { bytes: Buffer.from(signed.text), signature: Buffer.from(`${JSON.stringify(signed.signature)}\n`) };
}

export interface TestFile {
  readonly path: string;
  readonly content: string | Buffer;
  readonly language?: string;
}

export interface TestPackSpec {
  readonly id?: string;
  readonly version?: number;
  readonly title?: string;
  readonly items?: readonly {
    id: string;
    kind: string;
    languages: string[];
    topics?: string[];
    title?: string;
    summary?: string;
    source?: string;
    license?: string;
    files: TestFile[];
  }[];
  readonly publishedAt?: string;
  readonly expiresAt?: string;
}

/** One small article, unless the spec says otherwise. */
export const defaultItems: NonNullable<TestPackSpec['items']> = [
  {
    id: 'bai-viet',
    kind: 'article',
    languages: ['vi'],
    topics: ['covid19'],
    title: 'Thông điệp 5K',
    files: [{ path: 'articles/5k.md', content: '# Thông điệp 5K\n\nKhẩu trang, khử khuẩn, khoảng cách.\n' }],
  },
];

/** Writes a source folder for `spec` and builds it into a signed `.chieng` file. */
export async function buildTestPack(
  workDir: string,
  publisher: TestPublisher,
  spec: TestPackSpec = {},
  extras: { revocations?: { bytes: Uint8Array; signature: Uint8Array } } = {},
): Promise<string> {
  const id = spec.id ?? 'vn.test.covid19';
  const version = spec.version ?? 1;
  const source = path.join(workDir, `src-${id}-${version}-${Math.random().toString(36).slice(2)}`);
  const items = spec.items ?? defaultItems;
  for (const item of items) {
    for (const file of item.files) {
      const target = path.join(source, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  }
  await writeFile(
    path.join(source, 'pack.json'),
    JSON.stringify({
      id,
      version,
      title: { vi: spec.title ?? 'Gói thử nghiệm' },
      ...(spec.publishedAt ? { publishedAt: spec.publishedAt } : {}),
      ...(spec.expiresAt ? { expiresAt: spec.expiresAt } : {}),
      items: items.map((item) => ({
        id: item.id,
        kind: item.kind,
        languages: item.languages,
        topics: item.topics ?? [],
        title: { vi: item.title ?? item.id },
        ...(item.summary ? { summary: { vi: item.summary } } : {}),
        ...(item.source ? { source: item.source } : {}),
        ...(item.license ? { license: item.license } : {}),
        files: item.files.map((file) => ({ path: file.path, ...(file.language ? { language: file.language } : {}) })),
      })),
    }),
  );
  const out = path.join(workDir, `${id}-v${version}-${Math.random().toString(36).slice(2)}.chieng`);
  await buildPack({
    sourceDir: source,
    key: publisher.secret,
    certificate: publisher.certificate,
    out,
    glyphs: loadGlyphCoverage(fontsDir),
    ...(extras.revocations ? { revocations: extras.revocations } : {}),
  });
  return out;
}
