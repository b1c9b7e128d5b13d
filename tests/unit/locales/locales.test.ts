import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaces, resources, resolveUiLanguage, uiLanguages } from '../../../locales';

type Tree = { readonly [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(full, value);
    else for (const [k, v] of flatten(value, full)) flat.set(k, v);
  }
  return flat;
}

const texts = (language: (typeof uiLanguages)[number]) => {
  const all = new Map<string, string>();
  for (const ns of namespaces) for (const [key, value] of flatten(resources[language][ns])) all.set(`${ns}:${key}`, value);
  return all;
};
const baseKeys = (flat: Map<string, string>) => new Set([...flat.keys()].map((key) => key.replace(pluralSuffix, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the locales', () => {
  const vi = texts('vi');
  const en = texts('en');

  it('have exactly the same keys in Vietnamese and English', () => {
    expect([...baseKeys(en)].sort()).toEqual([...baseKeys(vi)].sort());
  });

  it('have every plural form each language needs, and no empty text', () => {
    for (const language of uiLanguages) {
      const flat = texts(language);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of [...flat.keys()].filter((k) => pluralSuffix.test(k))) {
        const base = key.replace(pluralSuffix, '');
        for (const category of categories) expect(flat.has(`${base}_${category}`), `${language} ${base}_${category}`).toBe(true);
      }
      for (const [key, value] of flat) expect(value.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of vi) {
      const english = en.get(key) ?? en.get(`${key.replace(pluralSuffix, '')}_other`) ?? '';
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('contain every message key the core and the shell can send', async () => {
    const roots = ['electron', 'renderer'];
    const sources: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.tsx?$/.test(entry.name)) sources.push(await readFile(full, 'utf8'));
      }
    };
    for (const root of roots) await walk(root);
    const keys = new Set(
      sources.flatMap((source) => [...source.matchAll(/['`]((?:errors|common|cli|menu|settings|nav):[\w.]+)['`]/g)].map((m) => m[1] ?? '')),
    );
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) {
      for (const [language, flat] of [
        ['vi', vi],
        ['en', en],
      ] as const) {
        expect(flat.has(key) || flat.has(`${key}_other`), `${language} is missing ${key}`).toBe(true);
      }
    }
  });
});

describe('UI language for a tag', () => {
  it.each([
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['rad', 'vi'],
    ['jra', 'vi'],
    ['cmo', 'vi'],
    ['mng', 'vi'],
    ['fr', 'vi'],
    ['', 'vi'],
    [undefined, 'vi'],
  ])('%s speaks %s', (tag, language) => {
    expect(resolveUiLanguage(tag)).toBe(language);
  });
});
