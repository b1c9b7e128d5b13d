import { stringify } from 'csv-stringify/sync';
import { recordDataSchemas, type LogRecord, type MaterialUse } from '../contract/logbooks';
import type { LogbookKind } from '../../../shared/logbook-choices';
import type { Translate } from '../i18n/translator';

/** Names for the ids a record holds (villages, figures, places), from the registries. */
export type NameOf = (registry: 'villages' | 'figures' | 'places', id: string) => string | undefined;

const referenceRegistry: Record<string, 'villages' | 'figures' | 'places'> = {
  villageId: 'villages',
  figureId: 'figures',
  placeId: 'places',
};
const enumLabels: Record<string, string> = { source: 'source', bulletinPriority: 'priority', channels: 'channel', status: 'rumourStatus' };

/**
 * A logbook as a CSV for Excel (UTF-8 with a BOM, CRLF): one row per record, one column per
 * field, ids turned into names and choices into words in the user's language; the record's
 * own id, status and author first, so a district can count and trace.
 */
export function logbookToCsv(kind: LogbookKind, records: readonly LogRecord[], nameOf: NameOf, t: Translate): string {
  const fields = Object.keys(recordDataSchemas[kind].shape).flatMap((key) =>
    key === 'audience' ? ['audience.total', 'audience.male', 'audience.female', 'audience.byEthnicity'] : [key],
  );
  const header = [
    ...['id', 'status', 'occurredAt', 'author', 'device', 'createdAt', 'updatedAt', 'revision', 'withdrawalReason'].map((key) =>
      t(`logbooks:common.${key}`),
    ),
    ...fields.filter((field) => field !== 'occurredAt').map((field) => label(kind, field, t)),
  ];
  const rows = records.map((record) => [
    record.id,
    t(`logbooks:status.${record.status}`),
    record.occurredAt.replace('T', ' '),
    record.author.name,
    record.device,
    record.createdAt,
    record.updatedAt,
    String(record.revision),
    record.withdrawal?.reason ?? '',
    ...fields.filter((field) => field !== 'occurredAt').map((field) => cell(field, valueAt(record.data, field), nameOf, t)),
  ]);
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}

/** The same records as JSON, whole (with their revisions), for the hub or another program. */
export function logbookToJson(kind: LogbookKind, records: readonly LogRecord[], exportedAt: Date): string {
  return `${JSON.stringify({ format: 'chieng.logbook', version: 1, kind, exportedAt: exportedAt.toISOString(), records }, null, 1)}\n`;
}

function label(kind: LogbookKind, field: string, t: Translate): string {
  const own = `logbooks:field.${kind}.${field}`;
  const translated = t(own);
  return translated === own || translated === `field.${kind}.${field}` ? t(`logbooks:common.${field}`) : translated;
}

function valueAt(data: Record<string, unknown>, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      data,
    );
}

function cell(field: string, value: unknown, nameOf: NameOf, t: Translate): string {
  if (value === undefined || value === null) return '';
  const registry = referenceRegistry[field];
  if (registry) return nameOf(registry, value as string) ?? t('logbooks:erasedPerson');
  const labels = enumLabels[field];
  if (labels)
    return Array.isArray(value)
      ? value.map((each) => t(`logbooks:${labels}.${String(each)}`)).join('; ')
      : t(`logbooks:${labels}.${value as string}`);
  if (field === 'materials' || field === 'answeredBy') return (value as MaterialUse[]).map(materialText).join('; ');
  if (field === 'leaflet') return materialText(value as MaterialUse);
  if (field === 'audience.byEthnicity')
    return (value as { ethnicity: string; count: number }[]).map((each) => `${each.ethnicity}: ${each.count}`).join('; ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value.replace('T', ' ');
  if (Array.isArray(value)) return value.map(String).join('; ');
  return `${value as string | number}`;
}

function materialText(use: MaterialUse): string {
  return use.source === 'pack' ? `${use.title}${use.language ? ` (${use.language})` : ''}` : use.text;
}
