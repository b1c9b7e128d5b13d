import { describe, expect, it } from 'vitest';
import { fold, matchesQuery } from '../../../shared/search-folding';

// The registries' search on screen folds as the core's search does, from the same module.
describe('searching a registry without diacritics', () => {
  it('folds tones, breves, đ and apostrophes away', () => {
    expect(fold("Buôn Ea Bhốk · Đắk Lắk · M'nông · ƀuôn")).toBe('buon ea bhok · dak lak · mnong · buon');
  });

  it('finds every word typed, in any order, and nothing else', () => {
    expect(matchesQuery('Ama Khăm Buôn Ea Bhốk Già làng', 'bhok ama')).toBe(true);
    expect(matchesQuery('Ama Khăm', 'khăm')).toBe(true);
    expect(matchesQuery('Ama Khăm', 'ama lính')).toBe(false);
    expect(matchesQuery('Ama Khăm', '  ')).toBe(true);
  });
});
