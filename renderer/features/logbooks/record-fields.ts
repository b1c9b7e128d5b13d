import type { ParseKeys } from 'i18next';
import type { LogbookKind } from '../../../electron/core/contract';
import type { namespaces } from '../../../locales';

export type TextKey = ParseKeys<typeof namespaces>;

/** How a field's value reads: which words, names or lists it turns into. */
export type ValueFormat =
  | 'datetime'
  | 'text'
  | 'longText'
  | 'count'
  | 'village'
  | 'figure'
  | 'worshipPlace'
  | 'materials'
  | 'material'
  | 'languages'
  | 'language'
  | 'source'
  | 'priority'
  | 'channels'
  | 'rumourStatus'
  | 'lines'
  | 'ethnicities';

export interface FieldShown {
  /** Dotted path in the record's data (`audience.total`). */
  readonly path: string;
  readonly label: TextKey;
  readonly format: ValueFormat;
}

const field = (path: string, label: TextKey, format: ValueFormat): FieldShown => ({ path, label, format });
const villageId = field('villageId', 'logbooks:common.villageId', 'village');
const place = field('place', 'logbooks:common.place', 'text');
const notes = field('notes', 'logbooks:common.notes', 'longText');
const materials = field('materials', 'logbooks:common.materials', 'materials');
const languages = field('languages', 'logbooks:common.languages', 'languages');
const followUps = field('followUps', 'logbooks:common.followUps', 'lines');

/** Each logbook's fields in the order a record is read (the detail view, each earlier state). */
export const recordFields: Record<LogbookKind, readonly FieldShown[]> = {
  loudspeaker: [
    field('occurredAt', 'logbooks:field.loudspeaker.occurredAt', 'datetime'),
    field('endedAt', 'logbooks:field.loudspeaker.endedAt', 'datetime'),
    villageId,
    place,
    field('cluster', 'logbooks:field.loudspeaker.cluster', 'text'),
    field('operator', 'logbooks:field.loudspeaker.operator', 'text'),
    materials,
    field('source', 'logbooks:field.loudspeaker.source', 'source'),
    field('bulletinPriority', 'logbooks:field.loudspeaker.bulletinPriority', 'priority'),
    languages,
    field('repeats', 'logbooks:field.loudspeaker.repeats', 'count'),
    field('estimatedReach', 'logbooks:field.loudspeaker.estimatedReach', 'count'),
    field('approvedBy', 'logbooks:field.loudspeaker.approvedBy', 'text'),
    field('incidents', 'logbooks:field.loudspeaker.incidents', 'longText'),
    notes,
  ],
  figureOutreach: [
    field('occurredAt', 'logbooks:field.figureOutreach.occurredAt', 'datetime'),
    field('figureId', 'logbooks:field.figureOutreach.figureId', 'figure'),
    villageId,
    place,
    field('audience.total', 'logbooks:field.figureOutreach.audience.total', 'count'),
    field('audience.male', 'logbooks:field.figureOutreach.audience.male', 'count'),
    field('audience.female', 'logbooks:field.figureOutreach.audience.female', 'count'),
    field('audience.byEthnicity', 'logbooks:field.figureOutreach.audience.byEthnicity', 'ethnicities'),
    languages,
    materials,
    field('topics', 'logbooks:field.figureOutreach.topics', 'lines'),
    field('questions', 'logbooks:field.figureOutreach.questions', 'lines'),
    followUps,
    notes,
  ],
  worshipOutreach: [
    field('occurredAt', 'logbooks:field.worshipOutreach.occurredAt', 'datetime'),
    field('placeId', 'logbooks:field.worshipOutreach.placeId', 'worshipPlace'),
    field('staff', 'logbooks:field.worshipOutreach.staff', 'text'),
    field('dignitariesMet', 'logbooks:field.worshipOutreach.dignitariesMet', 'lines'),
    field('conveyed', 'logbooks:field.worshipOutreach.conveyed', 'longText'),
    field('observed', 'logbooks:field.worshipOutreach.observed', 'longText'),
    field('attendance', 'logbooks:field.worshipOutreach.attendance', 'count'),
    materials,
    followUps,
  ],
  rumour: [
    field('occurredAt', 'logbooks:field.rumour.occurredAt', 'datetime'),
    field('content', 'logbooks:field.rumour.content', 'longText'),
    villageId,
    place,
    field('channels', 'logbooks:field.rumour.channels', 'channels'),
    field('channelOther', 'logbooks:field.rumour.channelOther', 'text'),
    field('answeredBy', 'logbooks:field.rumour.answeredBy', 'materials'),
    field('status', 'logbooks:field.rumour.status', 'rumourStatus'),
    notes,
  ],
  leafletHandout: [
    field('occurredAt', 'logbooks:field.leafletHandout.occurredAt', 'datetime'),
    field('leaflet', 'logbooks:field.leafletHandout.leaflet', 'material'),
    field('language', 'logbooks:field.leafletHandout.language', 'language'),
    field('copies', 'logbooks:field.leafletHandout.copies', 'count'),
    villageId,
    place,
    field('handedOutBy', 'logbooks:field.leafletHandout.handedOutBy', 'text'),
    notes,
  ],
};

/** The value at a dotted path of a record's data. */
export function valueAt(data: Readonly<Record<string, unknown>>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      data,
    );
}
