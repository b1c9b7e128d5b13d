import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import { z } from 'zod';
import { Failure } from '../failure';
import { registryEntrySchema, type RegistryData, type RegistryEntry } from '../contract/registries';
import { registryNames, type RegistryName } from '../../../shared/registry-choices';
import { fold } from '../../../shared/search-folding';
import { entryName, nameField } from '../../../shared/registry-entry';
import { newRecordId } from '../logbooks/record-id';
import { DurableJsonFile } from '../storage/durable-json-file';
import { replaceData } from '../storage/replace-data';

const fileSchema = z.object({ entries: z.array(registryEntrySchema) });
type RegistryFile = z.infer<typeof fileSchema>;

/**
 * The commune's registries, one small lowdb file each (`registries/figures.json`): a commune
 * has tens of villages and hundreds of figures, so each is read once and kept in memory.
 */
export class RegistryStore {
  readonly #dbs: Record<RegistryName, Low<RegistryFile>>;
  readonly #clock: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(dbs: Record<RegistryName, Low<RegistryFile>>, clock: () => Date) {
    this.#dbs = dbs;
    this.#clock = clock;
  }

  static async open(
    dataDir: string,
    onDamaged: (file: string, movedTo: string) => void,
    clock: () => Date = () => new Date(),
  ): Promise<RegistryStore> {
    const folder = path.join(dataDir, 'registries');
    await mkdir(folder, { recursive: true });
    const open = async (name: RegistryName) => {
      const db = new Low<RegistryFile>(
        new DurableJsonFile(path.join(folder, `${name}.json`), { parse: (data) => fileSchema.parse(data), onDamaged }),
        { entries: [] },
      );
      await db.read();
      return db;
    };
    const [villages, figures, places] = await Promise.all(registryNames.map(open));
    return new RegistryStore({ villages: villages!, figures: figures!, places: places! }, clock);
  }

  list(registry: RegistryName, text = ''): RegistryEntry[] {
    const query = fold(text).trim();
    const entries = this.#dbs[registry].data.entries.filter((entry) => query === '' || fold(searchableText(entry)).includes(query));
    return entries.sort((a, b) => entryName(a).localeCompare(entryName(b), 'vi'));
  }

  get(registry: RegistryName, id: string): RegistryEntry | undefined {
    return this.#dbs[registry].data.entries.find((entry) => entry.id === id);
  }

  /** Adds or replaces entries in one durable write: all of them land, or none. */
  saveAll(registry: RegistryName, changes: readonly { id?: string | undefined; data: RegistryData }[]): Promise<RegistryEntry[]> {
    return this.#serially(async () => {
      const db = this.#dbs[registry];
      const now = this.#clock();
      const entries = [...db.data.entries];
      const saved: RegistryEntry[] = [];
      for (const change of changes) {
        const index = change.id === undefined ? -1 : entries.findIndex((entry) => entry.id === change.id);
        if (change.id !== undefined && index < 0) throw new Failure('not_found', 'registries:notFound', { field: 'id' });
        this.#refuseDuplicateName(registry, entries, change.data, change.id);
        const previous = entries[index];
        const entry: RegistryEntry = previous
          ? { ...previous, updatedAt: now.toISOString(), data: change.data }
          : { id: newRecordId(now.getTime()), registry, createdAt: now.toISOString(), updatedAt: now.toISOString(), data: change.data };
        if (previous) entries[index] = entry;
        else entries.push(entry);
        saved.push(entry);
      }
      await this.#write(registry, entries);
      return saved;
    });
  }

  remove(registry: RegistryName, id: string): Promise<boolean> {
    return this.#serially(async () => {
      const entries = this.#dbs[registry].data.entries;
      if (!entries.some((entry) => entry.id === id)) return false;
      await this.#write(
        registry,
        entries.filter((entry) => entry.id !== id),
      );
      return true;
    });
  }

  #refuseDuplicateName(registry: RegistryName, entries: readonly RegistryEntry[], data: RegistryData, id: string | undefined): void {
    // People may share a name; villages and places of one commune may not.
    if (registry === 'figures') return;
    const name = fold(String((data as Record<string, unknown>)[nameField[registry]]));
    if (entries.some((entry) => entry.id !== id && fold(entryName(entry)) === name)) {
      throw new Failure('invalid_input', 'registries:duplicateName', {
        field: `data.${nameField[registry]}`,
        params: { name: String((data as Record<string, unknown>)[nameField[registry]]) },
      });
    }
  }

  async #write(registry: RegistryName, entries: RegistryEntry[]): Promise<void> {
    const db = this.#dbs[registry];
    await replaceData(db, { entries });
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function searchableText(entry: RegistryEntry): string {
  return Object.values(entry.data)
    .map((value) =>
      typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? value
              .map((each) =>
                typeof each === 'string' ? each : typeof each === 'object' && each ? Object.values(each as object).join(' ') : '',
              )
              .join(' ')
          : '',
    )
    .join(' ');
}
