import { describe, expect, it } from 'vitest';
import { fold, indexTerms } from '../../../shared/search-folding';
import { highlight, queryFor, snippet } from '../../../electron/core/library/search-index';

describe('folding text for search', () => {
  it.each([
    ['Khẩu trang', 'khau trang'],
    ['Đắk Lắk', 'dak lak'],
    ['buôn Ea Bhốk', 'buon ea bhok'],
    ['ƀuôn, Ƀô', 'buon, bo'],
    ['čư ñu ĕ ĭ ŏ ŭ', 'cu nu e i o u'],
    ['ê\u0306 ô\u0306 ơ\u0306 ư\u0306 a\u0331', 'e o o u a'],
    ['Cư M’gar', 'cu mgar'],
    ["Cư M'gar", 'cu mgar'],
    ['Cư Mʼgar', 'cu mgar'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('lets spelling variants of names meet in one term', () => {
    for (const name of ['Ê Đê', 'Ê-đê', 'Êđê', 'ê đê']) expect(indexTerms(name)).toContain('ede');
    for (const name of ["Cư M'gar", 'Cư Mgar', 'Cư M’gar']) expect(indexTerms(name)).toContain('cumgar');
  });

  it('makes no query of symbols or emptiness, and caps a huge one', () => {
    expect(queryFor('')).toBeUndefined();
    expect(queryFor('!!! ??? ***')).toBeUndefined();
    const huge = queryFor('khẩu trang '.repeat(1000));
    expect(huge).toBeDefined();
    expect(JSON.stringify(huge).length).toBeLessThan(2_000);
  });

  it('asks for each word once, however often it was typed', () => {
    expect(queryFor('khẩu trang khẩu trang')).toEqual(queryFor('khẩu trang'));
  });

  it('highlights matches in the original text, accents and all', () => {
    const marked = highlight('Đeo khẩu trang ở Đắk Lắk', 'khau trang dak');
    expect(marked.highlights.map(([from, to]) => marked.text.slice(from, to))).toEqual(['khẩu', 'trang', 'Đắk']);
  });

  it('cuts a snippet around the first match', () => {
    const text = `${'Mở đầu. '.repeat(40)}Hãy đeo khẩu trang nơi đông người. ${'Kết. '.repeat(40)}`;
    const piece = snippet(text, 'khau trang');
    expect(piece?.text.startsWith('…')).toBe(true);
    expect(piece?.highlights.map(([from, to]) => piece.text.slice(from, to))).toEqual(['khẩu', 'trang']);
  });
});
