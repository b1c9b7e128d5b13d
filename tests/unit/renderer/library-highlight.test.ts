import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../../renderer/features/library/highlight-parts';

const marked = (text: string, ranges: [number, number][]) =>
  highlightParts(text, ranges)
    .map((part) => (part.marked ? `[${part.text}]` : part.text))
    .join('');

describe('highlighting search matches', () => {
  it('marks the ranges and keeps the text whole', () => {
    expect(
      marked('Đeo khẩu trang vải', [
        [4, 8],
        [9, 14],
      ]),
    ).toBe('Đeo [khẩu] [trang] vải');
    expect(marked('Đeo khẩu trang vải', [])).toBe('Đeo khẩu trang vải');
    expect(marked('', [[0, 3]])).toBe('');
  });

  it('survives ranges out of order, overlapping, empty or out of bounds', () => {
    expect(
      marked('abcdef', [
        [4, 6],
        [0, 2],
        [1, 3],
      ]),
    ).toBe('[abc]d[ef]');
    expect(
      marked('abcdef', [
        [2, 2],
        [5, 99],
        [-4, 1],
      ]),
    ).toBe('[a]bcde[f]');
    expect(
      marked('abcdef', [
        [Number.NaN, 3],
        [4, Number.POSITIVE_INFINITY],
      ]),
    ).toBe('abcd[ef]');
  });

  it('never loses or repeats a character', () => {
    const text = 'Thông điệp 5K phòng, chống dịch COVID-19';
    const parts = highlightParts(text, [
      [0, 5],
      [3, 10],
      [30, 60],
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });
});
