import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../electron/core/contract';
import type { Core } from '../../../electron/core/core';
import { ok, openTestCore, TestClock } from '../../support/core-harness';
import { addRefs, finalData, type Refs } from '../../support/logbook-records';
import { makeTempDir } from '../../support/temp-dir';

// One commune's rumours over three months, by two officers, in two villages; listed many ways.
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let core: Core;
let refs: Refs;
let otherVillage: string;
const officers: Record<'bhim' | 'lan', string> = { bhim: '', lan: '' };
const ids: Record<string, string> = {};

beforeAll(async () => {
  temp = await makeTempDir('chieng-logbook-list');
  core = await openTestCore(temp.dir, new TestClock());
  officers.bhim = (await ok(core, 'profiles.save', { name: 'Y Bhim Niê' })).activeId ?? '';
  const withLan = await ok(core, 'profiles.save', { name: 'Trần Thị Lan' });
  officers.lan = withLan.profiles.find((profile) => profile.name === 'Trần Thị Lan')?.id ?? '';
  refs = await addRefs(core);
  otherVillage = (await ok(core, 'registry.save', { registry: 'villages', data: { name: 'Thôn 3', type: 'thon' } })).id;

  const rumour = async (name: string, who: 'bhim' | 'lan', change: Record<string, unknown>, finalise = true) => {
    await ok(core, 'profiles.activate', { id: officers[who] });
    ids[name] = (await ok(core, 'logbook.save', { kind: 'rumour', finalise, data: { ...finalData('rumour', refs), ...change } })).id;
  };
  await rumour('september', 'bhim', {
    occurredAt: '2026-09-12T08:00',
    content: 'Tin đồn vắc xin gây vô sinh',
    channels: ['facebook'],
    status: 'confirmedFalse',
  });
  await rumour('october', 'lan', {
    occurredAt: '2026-10-05T19:30',
    content: 'Tin đồn thu hồi đất làm đường',
    villageId: otherVillage,
    place: undefined,
    status: 'forwarded',
  });
  await rumour('novemberDraft', 'bhim', { occurredAt: '2026-11-20T10:00', content: 'Có người bán nước lá cây chữa bệnh ở Đắk Lắk' }, false);
  await rumour('novemberFinal', 'lan', {
    occurredAt: '2026-11-22T07:00',
    content: 'Tin nhắn Zalo giả danh công an xã',
    villageId: refs.villageId,
    place: undefined,
  });
  await rumour('novemberWithdrawn', 'bhim', { occurredAt: '2026-11-23T15:00', content: 'Ghi nhầm, trùng tin đồn ngày 22' });
  await ok(core, 'profiles.activate', { id: officers.bhim });
  await ok(core, 'logbook.withdraw', { kind: 'rumour', id: ids['novemberWithdrawn'] ?? '', reason: 'Trùng với bản ghi ngày 22/11' });
});
afterAll(async () => {
  await core.close();
  await temp.remove();
});

type Filters = Omit<ApiInput<'logbook.list'>, 'kind'>;
const names = async (filters: Filters) => {
  const { records, total } = await ok(core, 'logbook.list', { kind: 'rumour', ...filters });
  expect(total).toBe(records.length);
  return records.map((record) => Object.keys(ids).find((name) => ids[name] === record.id));
};

describe('listing a logbook', () => {
  it('shows this month by default, newest first, withdrawn records included', async () => {
    await expect(names({})).resolves.toEqual(['novemberWithdrawn', 'novemberFinal', 'novemberDraft']);
    await expect(ok(core, 'logbook.list', { kind: 'rumour' })).resolves.toMatchObject({ months: ['2026-11'] });
  });

  it('looks in a span of months', async () => {
    await expect(names({ fromMonth: '2026-09', toMonth: '2026-10' })).resolves.toEqual(['october', 'september']);
    await expect(names({ fromMonth: '2026-10' })).resolves.toEqual(['novemberWithdrawn', 'novemberFinal', 'novemberDraft', 'october']);
    await expect(names({ fromMonth: '2025-01', toMonth: '2026-08' })).resolves.toEqual([]);
    await expect(ok(core, 'logbook.list', { kind: 'rumour', fromMonth: '2026-01', toMonth: '2026-12' })).resolves.toMatchObject({
      months: ['2026-09', '2026-10', '2026-11'],
    });
  });

  it('narrows by status', async () => {
    const all = { fromMonth: '2026-01' };
    await expect(names({ ...all, status: 'draft' })).resolves.toEqual(['novemberDraft']);
    await expect(names({ ...all, status: 'final' })).resolves.toEqual(['novemberFinal', 'october', 'september']);
    await expect(names({ ...all, status: 'withdrawn' })).resolves.toEqual(['novemberWithdrawn']);
    await expect(names({ ...all, status: 'active' })).resolves.toEqual(['novemberFinal', 'novemberDraft', 'october', 'september']);
  });

  it('narrows by village, by author and by what became of the rumour', async () => {
    const all = { fromMonth: '2026-01' };
    await expect(names({ ...all, villageId: otherVillage })).resolves.toEqual(['october']);
    await expect(names({ ...all, villageId: refs.villageId })).resolves.toEqual(['novemberFinal']);
    await expect(names({ ...all, authorId: officers.lan })).resolves.toEqual(['novemberFinal', 'october']);
    await expect(names({ ...all, rumourStatus: 'confirmedFalse' })).resolves.toEqual(['september']);
    await expect(names({ ...all, rumourStatus: 'new', authorId: officers.bhim, status: 'active' })).resolves.toEqual(['novemberDraft']);
  });

  it('finds text typed without its accents, in any field', async () => {
    const all = { fromMonth: '2026-01' };
    await expect(names({ ...all, text: 'la cay' })).resolves.toEqual(['novemberDraft']);
    await expect(names({ ...all, text: 'DAK LAK' })).resolves.toEqual(['novemberDraft']);
    await expect(names({ ...all, text: 'vắc xin' })).resolves.toEqual(['september']);
    await expect(names({ ...all, text: 'cong an xa' })).resolves.toEqual(['novemberFinal']);
    // The place written in words is searched too.
    await expect(names({ ...all, text: 'cho buon ea bhok', status: 'final' })).resolves.toEqual(['september']);
    await expect(names({ ...all, text: 'khong co dau' })).resolves.toEqual([]);
  });
});
