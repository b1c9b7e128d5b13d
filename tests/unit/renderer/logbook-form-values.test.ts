import { describe, expect, it } from 'vitest';
import { formData, withValueAt } from '../../../renderer/features/logbooks/form-values';

describe("a record form's values", () => {
  it('change one field, nested or not, leaving the rest and the original untouched', () => {
    const values = { operator: 'Y Điêng Niê', audience: { total: 40 } };
    const next = withValueAt(withValueAt(values, 'audience.male', 18), 'repeats', 2);
    expect(next).toEqual({ operator: 'Y Điêng Niê', audience: { total: 40, male: 18 }, repeats: 2 });
    expect(values).toEqual({ operator: 'Y Điêng Niê', audience: { total: 40 } });
    expect(withValueAt({}, 'audience.total', 5)).toEqual({ audience: { total: 5 } });
  });

  it('leave out what was never answered, so a draft saves with little filled in', () => {
    const data = formData({
      occurredAt: '2026-11-24T18:30',
      operator: '  ',
      endedAt: '',
      audience: { total: undefined, byEthnicity: [{ ethnicity: '', count: undefined }] },
      topics: ['Tiêm chủng', '', '  ', 'Tin giả'],
      materials: [
        { source: 'free', text: '' },
        { source: 'free', text: 'Đọc trực tiếp' },
        { source: 'pack', materialId: 'a.b.c/d', title: 'Thông điệp 5K' },
      ],
      followUps: [],
      questions: ['', ' '],
      repeats: 0,
    });
    expect(data).toEqual({
      occurredAt: '2026-11-24T18:30',
      topics: ['Tiêm chủng', 'Tin giả'],
      materials: [
        { source: 'free', text: 'Đọc trực tiếp' },
        { source: 'pack', materialId: 'a.b.c/d', title: 'Thông điệp 5K' },
      ],
      // An empty list is an answer ("none"), however many blank lines it had; zero is a number.
      followUps: [],
      questions: [],
      repeats: 0,
    });
  });

  it('send text as typed, for the core to trim and check', () => {
    expect(formData({ content: ' Tin đồn ở chợ ' })).toEqual({ content: ' Tin đồn ở chợ ' });
  });
});
