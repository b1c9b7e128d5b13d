import { describe, expect } from 'vitest';
import type { ApiInput } from '../../../electron/core/contract';
import type { FieldError } from '../../../electron/core/contract/api-error';
import { logbookKinds, type LogbookKind } from '../../../shared/logbook-choices';
import { fieldErrors, hasTextInEveryLanguage, ok, refusal } from '../../support/core-harness';
import { recordsTest } from '../../support/core-fixture';
import { finalData } from '../../support/logbook-records';

/** Saves a final record of `kind` with `change` made to its complete data, which must be refused; says what is wrong at each field. */
type Refused = (kind: LogbookKind, change: Record<string, unknown>, finalise?: boolean) => Promise<FieldError[]>;

const test = recordsTest.extend<{ refused: Refused }>({
  refused: async ({ core, refs }, use) => {
    await use(async (kind, change, finalise = true) => {
      const data = Object.fromEntries(Object.entries({ ...finalData(kind, refs), ...change }).filter(([, value]) => value !== undefined));
      const error = await refusal(core, 'logbook.save', { kind, finalise, data });
      expect(error.code).toBe('invalid_input');
      for (const field of fieldErrors(error)) expect(hasTextInEveryLanguage(field.messageKey), field.messageKey).toBe(true);
      return fieldErrors(error);
    });
  },
});

const requiredField = {
  loudspeaker: 'source',
  figureOutreach: 'figureId',
  worshipOutreach: 'placeId',
  rumour: 'status',
  leafletHandout: 'copies',
} as const;

describe.each(logbookKinds)('a %s record', (kind) => {
  test('is saved as a draft with only its date, then finalised with every required field', async ({ clock, core, refs, officer }) => {
    const draft = await ok(core, 'logbook.save', { kind, finalise: false, data: { occurredAt: '2026-11-24T07:30' } });
    expect(draft).toMatchObject({
      kind,
      status: 'draft',
      revision: 1,
      schemaVersion: 1,
      device: officer.deviceId,
      author: { profileId: officer.id, name: 'Y Bhim Niê' },
      revisions: [],
    });

    clock.advance(60_000);
    const final = await ok(core, 'logbook.save', { kind, id: draft.id, finalise: true, data: finalData(kind, refs) });
    expect(final).toMatchObject({
      id: draft.id,
      status: 'final',
      revision: 2,
      finalisedAt: clock.now.toISOString(),
      data: finalData(kind, refs),
    });
    expect(final.revisions).toEqual([expect.objectContaining({ revision: 1, status: 'draft', data: { occurredAt: '2026-11-24T07:30' } })]);
    await expect(ok(core, 'logbook.get', { kind, id: draft.id })).resolves.toEqual(final);
  });

  test('refuses to finalise with fields missing, naming each field with a message in both languages', async ({ core }) => {
    const error = await refusal(core, 'logbook.save', { kind, finalise: true, data: { occurredAt: '2026-11-24T07:30' } });
    expect(error.code).toBe('invalid_input');
    const fields = fieldErrors(error);
    expect(fields.length).toBeGreaterThan(1);
    for (const field of fields) {
      expect(field.field).toMatch(/^data\./);
      // Left empty is "required", never "not allowed", a choice included.
      expect(['errors:field.required', 'errors:field.whereNeeded']).toContain(field.messageKey);
      expect(hasTextInEveryLanguage(field.messageKey), field.messageKey).toBe(true);
    }
    expect(fields).toContainEqual({ field: `data.${requiredField[kind]}`, messageKey: 'errors:field.required' });
    await expect(ok(core, 'logbook.list', { kind })).resolves.toMatchObject({ total: 0 });
  });

  test('refuses a value of the wrong kind at its field', async ({ core, refs }) => {
    const data = { ...finalData(kind, refs), occurredAt: '2026-02-30T07:30' };
    const error = await refusal(core, 'logbook.save', { kind, finalise: false, data });
    expect(fieldErrors(error)).toEqual([{ field: 'data.occurredAt', messageKey: 'errors:field.badDate' }]);
  });

  test('keeps the earlier state when a final record is edited, and stays final', async ({ clock, core, refs }) => {
    const first = await ok(core, 'logbook.save', { kind, finalise: true, data: finalData(kind, refs) });
    clock.advance(3_600_000);
    const changed = { ...finalData(kind, refs), occurredAt: '2026-11-24T08:15' };
    const edited = await ok(core, 'logbook.save', { kind, id: first.id, finalise: false, data: changed });
    expect(edited).toMatchObject({
      id: first.id,
      status: 'final',
      revision: 2,
      occurredAt: '2026-11-24T08:15',
      finalisedAt: first.finalisedAt,
      createdAt: first.createdAt,
    });
    expect(edited.revisions).toEqual([
      { revision: 1, status: 'final', savedAt: first.updatedAt, savedBy: first.savedBy, data: first.data },
    ]);

    // An edit may not take a final record back to an incomplete one.
    const error = await refusal(core, 'logbook.save', { kind, id: first.id, finalise: false, data: { occurredAt: '2026-11-24T08:15' } });
    expect(error.code).toBe('invalid_input');
    await expect(ok(core, 'logbook.get', { kind, id: first.id })).resolves.toEqual(edited);
  });

  test('is withdrawn only with a reason, and stays listed as withdrawn', async ({ core, refs, officer }) => {
    const record = await ok(core, 'logbook.save', { kind, finalise: true, data: finalData(kind, refs) });
    const tooShort = await refusal(core, 'logbook.withdraw', { kind, id: record.id, reason: ' x ' });
    expect(tooShort).toMatchObject({ code: 'invalid_input', field: 'reason', messageKey: 'errors:field.tooShort' });

    const withdrawn = await ok(core, 'logbook.withdraw', { kind, id: record.id, reason: 'Ghi trùng với buổi khác' });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      revision: 2,
      withdrawal: { reason: 'Ghi trùng với buổi khác', by: { profileId: officer.id } },
    });
    expect(withdrawn.revisions).toEqual([expect.objectContaining({ revision: 1, status: 'final', data: record.data })]);
    const listed = await ok(core, 'logbook.list', { kind });
    expect(listed.records.map((each) => [each.id, each.status])).toEqual([[record.id, 'withdrawn']]);

    const edit = await refusal(core, 'logbook.save', { kind, id: record.id, finalise: true, data: finalData(kind, refs) });
    expect(edit).toMatchObject({ code: 'refused', messageKey: 'logbooks:withdrawnIsFinal' });
    const again = await refusal(core, 'logbook.withdraw', { kind, id: record.id, reason: 'Lần nữa' });
    expect(again).toMatchObject({ code: 'refused', messageKey: 'logbooks:alreadyWithdrawn' });
    expect(hasTextInEveryLanguage('logbooks:withdrawnIsFinal') && hasTextInEveryLanguage('logbooks:alreadyWithdrawn')).toBe(true);
  });
});

describe('rules across fields', () => {
  test('a loudspeaker session cannot end before it starts, even as a draft', async ({ refused }) => {
    await expect(refused('loudspeaker', { endedAt: '2026-11-24T06:00' })).resolves.toEqual([
      { field: 'data.endedAt', messageKey: 'errors:field.endBeforeStart' },
    ]);
    await expect(refused('loudspeaker', { endedAt: '2026-11-24T06:00' }, false)).resolves.toEqual([
      { field: 'data.endedAt', messageKey: 'errors:field.endBeforeStart' },
    ]);
  });

  test('a bulletin from the provincial source system needs its priority', async ({ core, refs, refused }) => {
    await expect(refused('loudspeaker', { source: 'bulletin' })).resolves.toEqual([
      { field: 'data.bulletinPriority', messageKey: 'errors:field.priorityNeeded' },
    ]);
    await expect(
      ok(core, 'logbook.save', {
        kind: 'loudspeaker',
        finalise: true,
        data: { ...finalData('loudspeaker', refs), source: 'bulletin', bulletinPriority: 'emergency' },
      }),
    ).resolves.toMatchObject({ status: 'final' });
  });

  test.for(['loudspeaker', 'figureOutreach', 'rumour', 'leafletHandout'] as const)(
    'a final %s needs a village or a place',
    async (kind, { core, refs, refused }) => {
      await expect(refused(kind, { villageId: undefined, place: '  ' })).resolves.toEqual([
        { field: 'data.villageId', messageKey: 'errors:field.whereNeeded' },
      ]);
      await expect(
        ok(core, 'logbook.save', {
          kind,
          finalise: true,
          data: { ...finalData(kind, refs), villageId: undefined, place: 'Nhà văn hóa thôn 3' },
        }),
      ).resolves.toMatchObject({ status: 'final' });
    },
  );

  test('a loudspeaker cluster is place enough', async ({ core, refs }) => {
    await expect(
      ok(core, 'logbook.save', {
        kind: 'loudspeaker',
        finalise: true,
        data: { ...finalData('loudspeaker', refs), villageId: undefined, cluster: 'Cụm loa số 2' },
      }),
    ).resolves.toMatchObject({ status: 'final' });
  });

  test('an audience counted by sex or by ethnic group cannot exceed its total', async ({ refused }) => {
    await expect(refused('figureOutreach', { audience: { total: 30, male: 20, female: 15 } })).resolves.toEqual([
      { field: 'data.audience.total', messageKey: 'errors:field.audienceSexOverTotal' },
    ]);
    await expect(
      refused('figureOutreach', {
        audience: {
          total: 30,
          byEthnicity: [
            { ethnicity: 'Ê Đê', count: 25 },
            { ethnicity: 'Kinh', count: 10 },
          ],
        },
      }),
    ).resolves.toEqual([{ field: 'data.audience.byEthnicity', messageKey: 'errors:field.audienceEthnicityOverTotal' }]);
  });

  test('a rumour spread through "other" says which', async ({ core, refs, refused }) => {
    await expect(refused('rumour', { channels: ['other'] })).resolves.toEqual([
      { field: 'data.channelOther', messageKey: 'errors:field.channelOtherNeeded' },
    ]);
    await expect(
      ok(core, 'logbook.save', {
        kind: 'rumour',
        finalise: true,
        data: { ...finalData('rumour', refs), channels: ['other'], channelOther: 'Nhóm Messenger của buôn' },
      }),
    ).resolves.toMatchObject({ status: 'final' });
  });

  test('says a value is of the wrong kind rather than missing', async ({ refused }) => {
    await expect(refused('leafletHandout', { copies: 'nhiều' })).resolves.toEqual([
      { field: 'data.copies', messageKey: 'errors:field.wrongType', params: { expected: 'number' } },
    ]);
    await expect(refused('rumour', { status: 'unknown' })).resolves.toEqual([
      { field: 'data.status', messageKey: 'errors:field.notAllowed' },
    ]);
  });

  test('reports every fault of a form at once', async ({ refused }) => {
    const fields = await refused('loudspeaker', { operator: undefined, endedAt: '2026-11-24T06:00', source: 'bulletin', repeats: 0 });
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'data.operator', messageKey: 'errors:field.required' },
        { field: 'data.repeats', messageKey: 'errors:field.tooSmall', params: { min: 1 } },
        { field: 'data.endedAt', messageKey: 'errors:field.endBeforeStart' },
        { field: 'data.bulletinPriority', messageKey: 'errors:field.priorityNeeded' },
      ]),
    );
  });
});

describe('the contract', () => {
  test('takes each kind’s own data, typed for the caller and checked at the boundary', async ({ core }) => {
    const request: ApiInput<'logbook.save'> = {
      kind: 'rumour',
      finalise: false,
      // @ts-expect-error: a rumour has no loudspeaker operator
      data: { occurredAt: '2026-11-24T07:30', operator: 'Nguyễn Văn Tâm' },
    };
    await expect(refusal(core, 'logbook.save', request)).resolves.toMatchObject({
      code: 'invalid_input',
      field: 'data.operator',
      messageKey: 'errors:field.unknown',
    });
    await expect(
      refusal(core, 'logbook.save', { kind: 'diary', finalise: false, data: { occurredAt: '2026-11-24T07:30' } }),
    ).resolves.toMatchObject({
      field: 'kind',
      messageKey: 'errors:field.notAllowed',
    });
  });
});

describe('record ids', () => {
  test('sort in the order the records were created, whatever their dates', async ({ clock, core }) => {
    const ids: string[] = [];
    const dates = ['2026-11-20T08:00', '2025-01-03T09:00', '2026-11-24T07:00', '2026-10-31T23:59', '2026-11-01T00:00', '2026-11-24T07:00'];
    for (const [index, occurredAt] of dates.entries()) {
      // Some in the same millisecond, some apart.
      if (index % 2 === 0) clock.advance(1);
      ids.push((await ok(core, 'logbook.save', { kind: 'rumour', finalise: false, data: { occurredAt } })).id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
