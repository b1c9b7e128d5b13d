// One search index per installed pack version, built when the pack is installed and kept on
// disk, so a start only loads it. Queries are folded the same way as the text.
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { fold, foldWithOrigin, indexTerms, words } from './search-folding';

export interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly topics: string;
  readonly text: string;
}

export interface PackIndex {
  readonly search: MiniSearch<IndexedDocument>;
  /** Titles and texts, to cut snippets from. */
  readonly documents: ReadonlyMap<string, IndexedDocument>;
}

const options = {
  idField: 'id',
  fields: ['title', 'topics', 'text'],
  storeFields: [],
  tokenize: (text: string) => indexTerms(text),
  processTerm: (term: string) => term,
  searchOptions: { boost: { title: 3, topics: 2 }, processTerm: (term: string) => term },
};

export function buildPackIndex(documents: readonly IndexedDocument[]): PackIndex {
  const search = new MiniSearch<IndexedDocument>(options);
  search.addAll(documents);
  return { search, documents: new Map(documents.map((document) => [document.id, document])) };
}

export function serialisePackIndex(index: PackIndex): string {
  return JSON.stringify({ format: 1, index: index.search.toJSON(), documents: [...index.documents.values()] });
}

export function loadPackIndex(json: string): PackIndex | undefined {
  try {
    const data = JSON.parse(json) as { format?: number; index?: unknown; documents?: IndexedDocument[] };
    if (data.format !== 1 || !data.index || !Array.isArray(data.documents)) return undefined;
    const search = MiniSearch.loadJS<IndexedDocument>(data.index as Parameters<typeof MiniSearch.loadJS>[0], options);
    return { search, documents: new Map(data.documents.map((document) => [document.id, document])) };
  } catch {
    return undefined;
  }
}

/** The MiniSearch query for what a person typed; undefined when it has no words at all. */
export function queryFor(text: string): Query | undefined {
  // A pasted page of text is still a query, but only its first words mean anything.
  const terms = words(fold(text.slice(0, 2_000))).slice(0, 12);
  if (terms.length === 0) return undefined;
  const all: Query = { combineWith: 'AND', queries: terms, prefix: (_term: string, index: number, list: readonly string[]) => index === list.length - 1 };
  // "e de" also finds "Êđê", "cu m gar" also "Cư M'gar": the words run together.
  return terms.length > 1 ? { combineWith: 'OR', queries: [all, terms.join('')] } : all;
}

export function searchIndex(index: PackIndex, query: Query): SearchResult[] {
  return index.search.search(query);
}

export interface Highlighted {
  readonly text: string;
  readonly highlights: [number, number][];
}

/** Marks where the query's words occur in `text` (folded comparison, original positions). */
export function highlight(text: string, query: string): Highlighted {
  const { folded, origin } = foldWithOrigin(text);
  const highlights: [number, number][] = [];
  for (const term of new Set(words(fold(query)))) {
    for (let at = folded.indexOf(term); at >= 0 && highlights.length < 200; at = folded.indexOf(term, at + term.length)) {
      const start = origin[at] ?? 0;
      const endIndex = at + term.length;
      const end = endIndex < origin.length ? (origin[endIndex] ?? text.length) : text.normalize('NFC').length;
      highlights.push([start, end]);
    }
  }
  highlights.sort((a, b) => a[0] - b[0]);
  return { text: text.normalize('NFC'), highlights: merge(highlights) };
}

/** A window of `text` around the first match, with the matches in it. */
export function snippet(text: string, query: string, width = 160): Highlighted | null {
  const whole = highlight(text, query);
  const first = whole.highlights[0];
  if (!first) return null;
  const start = Math.max(0, first[0] - Math.floor(width / 3));
  const end = Math.min(whole.text.length, start + width);
  const piece = whole.text.slice(start, end);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < whole.text.length ? '…' : '';
  return {
    text: `${prefix}${piece}${suffix}`,
    highlights: whole.highlights.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from - start + prefix.length, to - start + prefix.length] as [number, number]),
  };
}

function merge(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}
