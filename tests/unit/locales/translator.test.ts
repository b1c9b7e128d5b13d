import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../electron/core/i18n/translator';

// Runs the translator in a fresh Node whose default locale is `lang`, as on a machine set
// up in that language, and returns what it printed.
function translateUnder(lang: string, script: string): string {
  return execFileSync('npx', ['tsx', '-e', script], { env: { ...process.env, LANG: lang, LC_ALL: lang }, encoding: 'utf8' }).trim();
}

describe('translations outside the React UI', () => {
  it('fall back to Vietnamese for material languages', () => {
    for (const tag of ['rad', 'jra', 'cmo', 'mng']) {
      const { language, t } = createTranslator(tag);
      expect(language).toBe('vi');
      expect(t('nav:library.title')).toBe('Thư viện');
    }
  });

  it('use Vietnamese plural rules for a material language, whatever the machine locale', () => {
    // An unknown tag given to Intl.PluralRules silently takes the runtime's default rules,
    // which for English would pick "_one" for 1.
    const script = `import { createTranslator } from './electron/core/i18n/translator';
      const { t } = createTranslator('rad');
      console.log([0, 1, 2, 5].map((count) => t('common:notice.count', { count })).join('|'));`;
    const expected = '0 thông báo|1 thông báo|2 thông báo|5 thông báo';
    for (const lang of ['en_US.UTF-8', 'ar_EG.UTF-8', 'C.UTF-8']) expect(translateUnder(lang, script), lang).toBe(expected);
  });

  it('pluralise English by English rules', () => {
    const { t } = createTranslator('en');
    expect(t('common:notice.count', { count: 1 })).toBe('1 notice');
    expect(t('common:notice.count', { count: 3 })).toBe('3 notices');
  });

  it('format dates and numbers the Vietnamese way', () => {
    const { t } = createTranslator('vi');
    const sentence = t('errors:dataDir.locked', {
      path: '/d',
      holder: 'x',
      pid: 12,
      hostname: 'h',
      since: new Date(Date.UTC(2026, 10, 26, 3, 4, 5)),
    });
    expect(sentence).toMatch(/26\/11\/2026/);
    expect(new Intl.NumberFormat('vi-VN').format(1234567.89)).toBe('1.234.567,89');
  });
});
