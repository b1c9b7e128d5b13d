// One valid input for every method of the contract, so that a test can call each of them.
// Typed over every method name: a method added to the contract without a sample here does
// not compile, and so cannot slip past the tests that walk the whole contract.
import type { ApiInput, MethodName } from '../../electron/core/contract';

export type MethodSamples = { readonly [M in MethodName]: ApiInput<M> };

/** Names that exist nowhere: each sample passes its schema, and changes nothing it should not. */
const nowhere = { upload: '0'.repeat(32), keyId: 'f'.repeat(32), pack: 'vn.test.none', id: 'khong-co' };

/** `otherProfile` is someone else's profile on the laptop; its samples give a wrong PIN. */
export function methodSamples(otherProfile: string): MethodSamples {
  return {
    'app.info': {},
    'settings.get': {},
    'settings.update': { commune: 'Xã Ea Tu' },
    'packs.list': {},
    'packs.import': { uploadId: nowhere.upload },
    'packs.remove': { id: nowhere.pack },
    'packs.export': { id: nowhere.pack },
    'trust.list': {},
    'trust.add': { root: '{"format":"chieng-root/1"}' },
    'trust.remove': { keyId: nowhere.keyId },
    'sync.status': {},
    'sync.check': {},
    'sync.run': {},
    'sync.cancel': {},
    'library.list': {},
    'library.material': { id: `${nowhere.pack}/${nowhere.id}` },
    'library.search': { query: 'khẩu trang' },
    'library.check': { id: `${nowhere.pack}/${nowhere.id}` },
    'plans.list': {},
    'plans.save': { title: 'Họp buôn Ea Bhốk', materials: [] },
    'plans.remove': { id: nowhere.id },
    'logbook.list': { kind: 'rumour' },
    'logbook.get': { kind: 'rumour', id: nowhere.id },
    'logbook.save': { kind: 'rumour', finalise: false, data: { occurredAt: '2026-11-24T07:30' } },
    'logbook.withdraw': { kind: 'rumour', id: nowhere.id, reason: 'Ghi nhầm' },
    'logbook.export': { kind: 'rumour', format: 'csv' },
    'logbook.import': { kind: 'rumour', uploadId: nowhere.upload, finalise: false },
    'registry.list': { registry: 'villages' },
    'registry.save': { registry: 'villages', data: { name: 'Buôn Ea Bhốk', type: 'buon' } },
    'registry.import': { registry: 'villages', uploadId: nowhere.upload },
    'registry.export': { registry: 'villages' },
    'registry.exportPerson': { id: nowhere.id },
    'registry.erasePerson': { id: nowhere.id, confirmName: 'Y Phôn Ksơr' },
    'profiles.session': {},
    'profiles.save': { name: 'Người mới' },
    'profiles.activate': { id: otherProfile, pin: '0000' },
    'profiles.lock': {},
    'profiles.setIdleLock': { minutes: 10 },
  };
}
