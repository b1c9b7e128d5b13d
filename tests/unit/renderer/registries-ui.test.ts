import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../renderer/features/forms/field-errors';
import { listFromText, numberFromText, todayIso } from '../../../renderer/features/registries/form-values';
import { parseRegistryRoute, registryHref, type RegistryRoute } from '../../../renderer/features/registries/registries-route';

describe('registry routes in the URL fragment', () => {
  it.each([
    ['#/registries', { registry: 'villages', view: 'list' }],
    ['#/registries/figures', { registry: 'figures', view: 'list' }],
    ['#/registries/places/new', { registry: 'places', view: 'new' }],
    ['#/registries/figures/01JD5R6T0000000000000000AB', { registry: 'figures', view: 'edit', id: '01JD5R6T0000000000000000AB' }],
    // Something that is no registry shows the first list rather than nothing.
    ['#/registries/people', { registry: 'villages', view: 'list' }],
    ['#/library', { registry: 'villages', view: 'list' }],
  ] as const)('%s is %o', (hash, route) => {
    expect(parseRegistryRoute(hash)).toEqual(route);
  });

  it('round-trips every view', () => {
    const routes: RegistryRoute[] = [
      { registry: 'villages', view: 'list' },
      { registry: 'figures', view: 'new' },
      { registry: 'places', view: 'edit', id: 'a/b c' },
    ];
    for (const route of routes) expect(parseRegistryRoute(registryHref(route))).toEqual(route);
  });
});

describe('form values', () => {
  it('reads whole numbers typed with separators, and sends anything else as typed for the core to refuse', () => {
    expect(numberFromText('1.250')).toBe(1250);
    expect(numberFromText(' 85 ')).toBe(85);
    expect(numberFromText('')).toBe('');
    expect(numberFromText('khoảng 80')).toBe('khoảng 80');
  });

  it('splits a list at semicolons, as the CSV files do', () => {
    expect(listFromText(' Cụm 1; Cụm 2 ;; ')).toEqual(['Cụm 1', 'Cụm 2']);
  });

  it("gives today's date in the laptop's own time", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('field errors', () => {
  const refusal = {
    code: 'invalid_input',
    messageKey: 'errors:field.required',
    field: 'data.fullName',
    fields: [
      { field: 'data.fullName', messageKey: 'errors:field.required' },
      { field: 'data.consent.given', messageKey: 'errors:field.required' },
      { field: 'data.dignitaries.1.name', messageKey: 'errors:field.tooLong', params: { max: 200 } },
    ],
  } as const;

  it('finds each message by the form’s own path, and the first inside a group', () => {
    const errors = fieldErrors(refusal, 'data.');
    expect(errors.count).toBe(3);
    expect(errors.at('fullName')?.messageKey).toBe('errors:field.required');
    expect(errors.at('consent')?.field).toBe('consent.given');
    expect(errors.at('dignitaries.1.name')?.params).toEqual({ max: 200 });
    expect(errors.at('phone')).toBeUndefined();
  });

  it('takes a refusal naming one field only, and one naming none', () => {
    expect(
      fieldErrors({ code: 'invalid_input', messageKey: 'registries:duplicateName', field: 'data.name' }, 'data.').at('name')?.messageKey,
    ).toBe('registries:duplicateName');
    expect(fieldErrors({ code: 'storage_failed', messageKey: 'errors:api.internal' }, 'data.').count).toBe(0);
  });
});
