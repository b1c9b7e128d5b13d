import type { RecordData } from '../../../electron/core/contract/logbooks';

/**
 * The choices the forms offer, in the order shown. The renderer may take only types from
 * the core, so the lists are written out here; `everyOne` fails the type check when the
 * contract gains a value that a list leaves out.
 */
const everyOne =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })) =>
    list;

type Loudspeaker = RecordData<'loudspeaker'>;
type Rumour = RecordData<'rumour'>;

export const broadcastSources = everyOne<Loudspeaker['source']>()(['own', 'relayNational', 'relayProvincial', 'bulletin']);
export const bulletinPriorities = everyOne<NonNullable<Loudspeaker['bulletinPriority']>>()(['normal', 'priority', 'emergency']);
export const spreadChannels = everyOne<Rumour['channels'][number]>()([
  'wordOfMouth',
  'zalo',
  'facebook',
  'tiktok',
  'youtube',
  'phone',
  'loudspeaker',
  'other',
]);
export const rumourStatuses = everyOne<Rumour['status']>()(['new', 'forwarded', 'confirmedFalse', 'confirmedTrue']);
export type BroadcastSource = (typeof broadcastSources)[number];
export type BulletinPriority = (typeof bulletinPriorities)[number];
export type SpreadChannel = (typeof spreadChannels)[number];
export type RumourStatus = (typeof rumourStatuses)[number];

/** The commune's languages, offered as checkboxes; any other is typed as its code. */
export const fieldLanguages = ['vi', 'rad', 'jra', 'cmo', 'mng'] as const;
export type FieldLanguage = (typeof fieldLanguages)[number];
export const isFieldLanguage = (tag: string): tag is FieldLanguage => (fieldLanguages as readonly string[]).includes(tag);
