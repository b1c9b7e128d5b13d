import type { Gate } from '../../electron/core/api/dispatcher';

/** A gate that lets every call through, as an unlocked laptop with someone chosen would. */
export const unlockedGate: Gate = { admit: () => ({ profileId: 'test-profile', name: 'Người thử' }) };
