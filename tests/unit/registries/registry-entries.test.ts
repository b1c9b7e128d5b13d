import { describe, expect } from 'vitest';
import type { PlaceData } from '../../../electron/core/contract';
import type { Core } from '../../../electron/core/core';
import { fieldErrors, hasTextInEveryLanguage, ok, refusal } from '../../support/core-harness';
import { officerTest as test } from '../../support/core-fixture';
import { consentGiven } from '../../support/logbook-records';

const names = async (core: Core, registry: 'villages' | 'figures' | 'places', text?: string) =>
  (await ok(core, 'registry.list', { registry, ...(text === undefined ? {} : { text }) })).entries.map((entry) =>
    String(entry.data['name'] ?? entry.data['fullName']),
  );

describe('the villages', () => {
  test('are created, edited, listed in Vietnamese order and found without accents', async ({ clock, core }) => {
    const ko = await ok(core, 'registry.save', { registry: 'villages', data: { name: 'Buôn Kô Siar', type: 'buon' } });
    await ok(core, 'registry.save', { registry: 'villages', data: { name: 'Thôn 3', type: 'thon', formerDistrict: 'Krông Pắc' } });
    await ok(core, 'registry.save', {
      registry: 'villages',
      data: { name: 'Buôn Ea Bhốk', type: 'buon', loudspeakerClusters: ['Cụm 1', 'Cụm 2'] },
    });
    await expect(names(core, 'villages')).resolves.toEqual(['Buôn Ea Bhốk', 'Buôn Kô Siar', 'Thôn 3']);

    clock.advance(60_000);
    const edited = await ok(core, 'registry.save', {
      registry: 'villages',
      id: ko.id,
      data: { name: 'Buôn Kô Siar', type: 'buon', households: 98 },
    });
    expect(edited).toMatchObject({ id: ko.id, createdAt: ko.createdAt, updatedAt: clock.now.toISOString(), data: { households: 98 } });

    await expect(names(core, 'villages', 'ea bhok')).resolves.toEqual(['Buôn Ea Bhốk']);
    await expect(names(core, 'villages', 'krong pac')).resolves.toEqual(['Thôn 3']);
    await expect(names(core, 'villages', 'cum 2')).resolves.toEqual(['Buôn Ea Bhốk']);
  });

  test('refuses a second village of the same name, however it is typed', async ({ core }) => {
    const first = await ok(core, 'registry.save', { registry: 'villages', data: { name: 'Buôn Ea Bhốk', type: 'buon' } });
    const error = await refusal(core, 'registry.save', { registry: 'villages', data: { name: 'buon ea bhok', type: 'thon' } });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'data.name', messageKey: 'registries:duplicateName' });
    expect(hasTextInEveryLanguage(error.messageKey)).toBe(true);
    await expect(names(core, 'villages')).resolves.toEqual(['Buôn Ea Bhốk']);
    // Saving the same village again under its own name is no duplicate.
    await expect(
      ok(core, 'registry.save', { registry: 'villages', id: first.id, data: { name: 'Buôn Ea Bhốk', type: 'buon', households: 5 } }),
    ).resolves.toMatchObject({ id: first.id });
  });

  test('names each wrong field, and refuses an unknown id', async ({ core }) => {
    const error = await refusal(core, 'registry.save', { registry: 'villages', data: { type: 'city', households: -1 } });
    expect(fieldErrors(error)).toEqual([
      { field: 'data.name', messageKey: 'errors:field.required' },
      { field: 'data.type', messageKey: 'errors:field.notAllowed' },
      { field: 'data.households', messageKey: 'errors:field.tooSmall', params: { min: 0 } },
    ]);
    await expect(
      refusal(core, 'registry.save', { registry: 'villages', id: 'no-such-id', data: { name: 'Thôn 9', type: 'thon' } }),
    ).resolves.toMatchObject({ code: 'not_found', messageKey: 'registries:notFound' });
    await expect(names(core, 'villages')).resolves.toEqual([]);
  });
});

describe('the community figures', () => {
  test('are kept with their recorded consent, and found by name, ethnicity or category text', async ({ core }) => {
    await ok(core, 'registry.save', {
      registry: 'figures',
      data: {
        fullName: 'Y Kông Ayun',
        sex: 'male',
        birthYear: 1951,
        categories: ['villageElder'],
        ethnicity: 'Ê Đê',
        religion: 'Tin Lành',
        phone: '0905 123 456',
        languages: ['rad'],
        consent: consentGiven,
      },
    });
    await ok(core, 'registry.save', {
      registry: 'figures',
      data: {
        fullName: 'H Liên Niê',
        sex: 'female',
        categories: ['artisan'],
        languages: [],
        consent: { ...consentGiven, given: false, method: 'verbal' },
      },
    });
    // People may share a name.
    await ok(core, 'registry.save', {
      registry: 'figures',
      data: { fullName: 'H Liên Niê', sex: 'female', categories: ['clanHead'], languages: [], consent: consentGiven },
    });
    await expect(names(core, 'figures')).resolves.toEqual(['H Liên Niê', 'H Liên Niê', 'Y Kông Ayun']);
    await expect(names(core, 'figures', 'kong')).resolves.toEqual(['Y Kông Ayun']);
    await expect(names(core, 'figures', 'e de')).resolves.toEqual(['Y Kông Ayun']);
  });

  test('refuse a figure without a recorded consent', async ({ core }) => {
    const error = await refusal(core, 'registry.save', {
      registry: 'figures',
      data: { fullName: 'Y Blu Kpă', sex: 'male', categories: ['villageHead'], languages: [] },
    });
    expect(fieldErrors(error)).toEqual([{ field: 'data.consent', messageKey: 'errors:field.required' }]);
    await expect(names(core, 'figures')).resolves.toEqual([]);
  });

  test('refuse ethnicity, religion or phone of a person who has not agreed', async ({ core }) => {
    const data = {
      fullName: 'Y Blu Kpă',
      sex: 'male',
      categories: ['villageHead'],
      languages: [],
      ethnicity: 'Ê Đê',
      religion: 'Công giáo',
      phone: '0905123456',
      consent: { ...consentGiven, given: false },
    };
    const error = await refusal(core, 'registry.save', { registry: 'figures', data });
    expect(fieldErrors(error)).toEqual(
      ['data.ethnicity', 'data.religion', 'data.phone'].map((field) => ({ field, messageKey: 'errors:field.consentNeeded' })),
    );
    expect(hasTextInEveryLanguage('errors:field.consentNeeded')).toBe(true);
    await expect(names(core, 'figures')).resolves.toEqual([]);
  });
});

describe('the places of worship', () => {
  test('are kept with their dignitaries and found by a dignitary or denomination', async ({ core }) => {
    const village = await ok(core, 'registry.save', { registry: 'villages', data: { name: 'Buôn Ea Bhốk', type: 'buon' } });
    const place = await ok(core, 'registry.save', {
      registry: 'places',
      data: {
        name: 'Chi hội Tin Lành Ea Bhốk',
        religion: 'protestantism',
        denomination: 'Hội Thánh Tin Lành Việt Nam (miền Nam)',
        villageId: village.id,
        dignitaries: [{ name: 'Y Djuan Mlô', title: 'Mục sư' }],
      },
    });
    await ok(core, 'registry.save', { registry: 'places', data: { name: 'Chùa Phước Hòa', religion: 'buddhism', dignitaries: [] } });
    await expect(names(core, 'places', 'djuan')).resolves.toEqual(['Chi hội Tin Lành Ea Bhốk']);
    await expect(names(core, 'places', 'mien nam')).resolves.toEqual(['Chi hội Tin Lành Ea Bhốk']);
    await ok(core, 'registry.save', { registry: 'places', id: place.id, data: { ...(place.data as PlaceData), dignitaries: [] } });
    await expect(names(core, 'places', 'djuan')).resolves.toEqual([]);
    await expect(
      refusal(core, 'registry.save', { registry: 'places', data: { name: 'chua phuoc hoa', religion: 'buddhism', dignitaries: [] } }),
    ).resolves.toMatchObject({ messageKey: 'registries:duplicateName' });
  });
});
