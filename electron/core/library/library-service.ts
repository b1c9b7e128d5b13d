// The library: every material of every installed pack, where it comes from, and a search
// over them. Rebuilt from the packs when they change; search indexes are kept on disk, one
// per pack version, built when the pack arrives. Listing needs only the manifests: the
// indexes (tens of megabytes for thousands of articles) load apart, for the first search.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ListedMaterial, Material, MaterialPack, SearchHit } from '../contract/library';
import { hashOfFile } from '../storage/file-hash';
import { writeFileDurably } from '../storage/write-file-durably';
import { leafletMediaType } from '../packs/format/media-types';
import { summarise, type InstalledPack } from '../packs/pack-summary';
import type { PackService } from '../packs/pack-service';
import { leafletText, markdownText } from './plain-text';
import {
  buildPackIndex,
  foldedText,
  highlight,
  loadPackIndex,
  queryFor,
  searchIndex,
  serialisePackIndex,
  snippet,
  type IndexedDocument,
  type PackIndex,
} from './search-index';

export interface LibraryFilters {
  readonly packId?: string | undefined;
  readonly topic?: string | undefined;
  readonly language?: string | undefined;
  readonly kind?: Material['kind'] | undefined;
}

export interface ResolvedFile {
  readonly file: string;
  readonly size: number;
  readonly mediaType: string;
  readonly sha256: string;
}

interface LibraryState {
  /** Every material as listed, newest pack first, then by Vietnamese title. */
  readonly listed: readonly ListedMaterial[];
  readonly facets: { readonly topics: string[]; readonly languages: string[]; readonly kinds: string[] };
  /** Every material whole, for the one opened. */
  readonly byId: ReadonlyMap<string, Material>;
  readonly packs: MaterialPack[];
  readonly packById: ReadonlyMap<string, MaterialPack>;
  readonly files: Map<string, Map<string, ResolvedFile>>;
  /** The search indexes, loaded (or built) on first need, not with the list. */
  readonly indexes: () => Promise<Map<string, PackIndex>>;
}

export class LibraryService {
  readonly #packs: PackService;
  readonly #indexDir: string;
  #state: Promise<LibraryState> | undefined;
  /** Builds run one after another: two at once would race on the same index files. */
  #builds: Promise<unknown> = Promise.resolve();
  /** Objects whose hash was checked since start: a file is read whole once, then served as is. */
  readonly #verified = new Map<string, Promise<boolean>>();

  constructor(packs: PackService, dataDir: string) {
    this.#packs = packs;
    this.#indexDir = path.join(dataDir, 'library', 'index');
  }

  /** Forgets the current view; the next question rebuilds it (and indexes any new pack). */
  invalidate(): void {
    this.#state = undefined;
  }

  /**
   * Starts building the list in the background, for a shell that has just started: the
   * library is the place people open first, and with thousands of materials the build is
   * worth doing before they ask. A failure here is met again, and shown, by their request.
   */
  prepare(): void {
    this.#current().catch(() => undefined);
  }

  /** Builds the view and loads its indexes (building any missing one) now rather than on the next question. */
  async warm(): Promise<void> {
    await (await this.#current()).indexes();
  }

  /**
   * The materials the filters leave, as rows (only the first `limit` of them, if given), how
   * many there are in all, the packs they come from and what there is to filter by.
   */
  async list(filters: LibraryFilters, limit?: number) {
    const { listed, packs, facets } = await this.#current();
    const materials = listed.filter((material) => matches(material, filters));
    return { materials: limit === undefined ? materials : materials.slice(0, limit), total: materials.length, packs, facets };
  }

  /** One material whole, with its pack; undefined when no installed pack holds it. */
  async material(id: string): Promise<{ material: Material; pack: MaterialPack } | undefined> {
    const state = await this.#current();
    const material = state.byId.get(id);
    const pack = material && state.packById.get(material.packId);
    return material && pack ? { material, pack } : undefined;
  }

  async search(query: string, filters: LibraryFilters, limit: number): Promise<{ hits: SearchHit[]; total: number }> {
    const state = await this.#current();
    const compiled = queryFor(query);
    if (!compiled) return { hits: [], total: 0 };
    const indexes = await state.indexes();
    // Each pack answers with its best; more than can be shown is not needed.
    const perPack = limit;
    const byId = state.byId;
    const scored: { id: string; score: number; pack: string }[] = [];
    for (const [packId, index] of indexes) {
      if (filters.packId && filters.packId !== packId) continue;
      for (const result of searchIndex(index, compiled, perPack)) {
        const material = byId.get(result.id);
        if (material && matches(material, filters)) scored.push({ id: material.id, score: result.score, pack: packId });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const hits = scored.slice(0, limit).map(({ id, score, pack }): SearchHit => {
      const index = indexes.get(pack);
      const document = index?.documents.get(id);
      const material = byId.get(id);
      const title = material?.title.vi ?? Object.values(material?.title ?? {})[0] ?? '';
      const text = document?.text;
      return {
        id,
        score,
        title: highlight(title, query),
        snippet: text && index ? snippet(text, query, 160, foldedText(index, id, text)) : null,
      };
    });
    return { hits, total: scored.length };
  }

  /** The stored file behind a path of a pack, if the pack has it. */
  async resolve(packId: string, filePath: string): Promise<ResolvedFile | undefined> {
    return (await this.#current()).files.get(packId)?.get(filePath);
  }

  /** True once the file's bytes are known to hash to its signed SHA-256 (checked once per start). */
  verify(resolved: ResolvedFile): Promise<boolean> {
    let check = this.#verified.get(resolved.sha256);
    if (!check) {
      check = hashOfFile(resolved.file).then(
        (hash) => hash.digest('hex') === resolved.sha256,
        () => false,
      );
      this.#verified.set(resolved.sha256, check);
      // A file that failed may be repaired (reinstalled); ask again next time.
      void check.then((ok) => ok || this.#verified.delete(resolved.sha256));
    }
    return check;
  }

  async check(materialId: string): Promise<{ missing: string[]; damaged: string[] }> {
    const state = await this.#current();
    const material = state.byId.get(materialId);
    const missing: string[] = [];
    const damaged: string[] = [];
    for (const file of material?.files ?? []) {
      const resolved = state.files.get(material?.packId ?? '')?.get(file.path);
      const exists = resolved && (await stat(resolved.file).catch(() => undefined))?.isFile();
      if (!resolved || !exists) missing.push(file.path);
      else if (!(await this.verify(resolved))) damaged.push(file.path);
    }
    return { missing, damaged };
  }

  #current(): Promise<LibraryState> {
    if (!this.#state) {
      const build: Promise<LibraryState> = this.#serially(() => this.#build(() => this.#state === state));
      const state: Promise<LibraryState> = build.catch((error: unknown) => {
        if (this.#state === state) this.#state = undefined;
        throw error;
      });
      this.#state = state;
    }
    return this.#state;
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#builds.then(work);
    this.#builds = run.catch(() => undefined);
    return run;
  }

  /** Resolves when no build is running (before the data folder is released). */
  settle(): Promise<void> {
    return this.#builds.then(() => undefined);
  }

  /** The view of the installed packs; `current` tells whether it is still the view in use. */
  async #build(current: () => boolean): Promise<LibraryState> {
    const installed = await this.#packs.installedPacks();
    // Only the trust of each pack is wanted of its summary: no need to load the packs again.
    const now = this.#packs.trust.now();
    const withdrawn = this.#packs.trust.state().withdrawn;
    const materials: { material: Material; publishedAt: string }[] = [];
    const packs: MaterialPack[] = [];
    const files = new Map<string, Map<string, ResolvedFile>>();
    const indexFiles: { pack: InstalledPack; name: string }[] = [];
    for (const pack of installed) {
      const { manifest } = pack;
      const summary = summarise(pack, now, { diskBytes: 0, sharedBytes: 0 }, withdrawn);
      const packWithdrawn = withdrawn.some((entry) => entry.packId === manifest.id && !entry.itemId);
      packs.push({
        id: manifest.id,
        title: manifest.title,
        version: manifest.version,
        publisher: pack.certificate.name,
        official: summary.official,
        trust: summary.trust,
        publishedAt: manifest.publishedAt,
        expired: summary.expired,
        withdrawn: packWithdrawn,
      });
      const packFiles = new Map<string, ResolvedFile>();
      for (const item of manifest.items) {
        for (const file of item.files)
          packFiles.set(file.path, {
            file: this.#packs.store.pathOf(file.sha256),
            size: file.size,
            mediaType: file.mediaType,
            sha256: file.sha256,
          });
        materials.push({
          publishedAt: manifest.publishedAt,
          material: {
            id: `${manifest.id}/${item.id}`,
            packId: manifest.id,
            itemId: item.id,
            kind: item.kind,
            title: item.title,
            ...(item.summary ? { summary: item.summary } : {}),
            languages: item.languages,
            topics: item.topics,
            withdrawn: packWithdrawn || withdrawn.some((entry) => entry.packId === manifest.id && entry.itemId === item.id),
            ...(item.source ? { source: item.source } : {}),
            ...(item.license ? { license: item.license } : {}),
            files: item.files.map(({ path: filePath, language, mediaType, size }) => ({
              path: filePath,
              ...(language ? { language } : {}),
              mediaType,
              size,
            })),
          },
        });
      }
      files.set(manifest.id, packFiles);
      indexFiles.push({ pack, name: `${manifest.id}@${manifest.version}-${pack.pointer.manifestSha256.slice(0, 12)}.json` });
    }
    const collator = new Intl.Collator('vi');
    materials.sort(
      (a, b) => b.publishedAt.localeCompare(a.publishedAt) || collator.compare(a.material.title.vi ?? '', b.material.title.vi ?? ''),
    );
    const listed = materials.map(({ material }) => listedMaterial(material));
    let indexes: Promise<Map<string, PackIndex>> | undefined;
    const loadIndexes = () => {
      const loading = this.#serially(() => this.#loadIndexes(indexFiles, current));
      // A failed load (a full disk) is tried again by the next search.
      loading.catch(() => {
        if (indexes === loading) indexes = undefined;
      });
      return loading;
    };
    return {
      listed,
      facets: {
        topics: [...new Set(listed.flatMap((material) => material.topics))].sort(),
        languages: [...new Set(listed.flatMap((material) => material.languages))].sort(),
        kinds: [...new Set(listed.map((material) => material.kind))].sort(),
      },
      byId: new Map(materials.map(({ material }) => [material.id, material])),
      packs,
      packById: new Map(packs.map((pack) => [pack.id, pack])),
      files,
      indexes: () => (indexes ??= loadIndexes()),
    };
  }

  async #loadIndexes(
    indexFiles: readonly { pack: InstalledPack; name: string }[],
    current: () => boolean,
  ): Promise<Map<string, PackIndex>> {
    await mkdir(this.#indexDir, { recursive: true });
    const indexes = new Map<string, PackIndex>();
    for (const { pack, name } of indexFiles) indexes.set(pack.manifest.id, await this.#indexFor(pack, name));
    // Indexes of versions no longer installed are dead weight; an outdated view, though,
    // would take the current view's indexes for dead.
    if (current()) {
      const keep = new Set(indexFiles.map(({ name }) => name));
      for (const name of await readdir(this.#indexDir).catch(() => [] as string[])) {
        if (name.endsWith('.json') && !keep.has(name)) await rm(path.join(this.#indexDir, name), { force: true });
      }
    }
    return indexes;
  }

  async #indexFor(pack: InstalledPack, name: string): Promise<PackIndex> {
    const file = path.join(this.#indexDir, name);
    const loaded = await readFile(file, 'utf8').then(loadPackIndex, () => undefined);
    if (loaded) return loaded;
    const documents: IndexedDocument[] = [];
    for (const item of pack.manifest.items) {
      const texts: string[] = [];
      for (const each of item.files) {
        if (each.mediaType !== 'text/markdown' && each.mediaType !== leafletMediaType) continue;
        const source = await readFile(this.#packs.store.pathOf(each.sha256), 'utf8').catch(() => '');
        texts.push(each.mediaType === leafletMediaType ? leafletText(source) : markdownText(source));
      }
      documents.push({
        id: `${pack.manifest.id}/${item.id}`,
        title: Object.values(item.title).join(' · '),
        topics: item.topics.join(' '),
        text: texts.join('\n'),
      });
    }
    const index = buildPackIndex(documents);
    await writeFileDurably(file, serialisePackIndex(index));
    return index;
  }
}

/** A material as a row of the list: its files, summary, source and licence wait until it is opened. */
function listedMaterial({ id, packId, itemId, kind, title, languages, topics, withdrawn }: Material): ListedMaterial {
  return { id, packId, itemId, kind, title, languages, topics, withdrawn };
}

function matches(material: ListedMaterial, filters: LibraryFilters): boolean {
  return (
    (!filters.packId || material.packId === filters.packId) &&
    (!filters.topic || material.topics.includes(filters.topic)) &&
    (!filters.language || material.languages.includes(filters.language)) &&
    (!filters.kind || material.kind === filters.kind)
  );
}
