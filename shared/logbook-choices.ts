// The fixed choices of the logbooks, in the order the forms offer them: the contract's
// schemas are built from them, and the forms list them.

export const logbookKinds = ['loudspeaker', 'figureOutreach', 'worshipOutreach', 'rumour', 'leafletHandout'] as const;
export type LogbookKind = (typeof logbookKinds)[number];

export const recordStatuses = ['draft', 'final', 'withdrawn'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

/** Where a loudspeaker broadcast came from: the commune's own, relayed, or a provincial bulletin. */
export const broadcastSources = ['own', 'relayNational', 'relayProvincial', 'bulletin'] as const;
export type BroadcastSource = (typeof broadcastSources)[number];

export const bulletinPriorities = ['normal', 'priority', 'emergency'] as const;
export type BulletinPriority = (typeof bulletinPriorities)[number];

/** How a rumour spread. */
export const spreadChannels = ['wordOfMouth', 'zalo', 'facebook', 'tiktok', 'youtube', 'phone', 'loudspeaker', 'other'] as const;
export type SpreadChannel = (typeof spreadChannels)[number];

export const rumourStatuses = ['new', 'forwarded', 'confirmedFalse', 'confirmedTrue'] as const;
export type RumourStatus = (typeof rumourStatuses)[number];
