import path from 'node:path';
import { makePublisher, makeRoot } from '../support/pack-fixtures';
import { expect, type ChiengApp } from './fixtures';

/** A root the app is told to trust, and a publisher under it, as district IT would set up. */
export async function officialPublisher(app: ChiengApp, work: string) {
  const root = await makeRoot(path.join(work, 'roots'), { name: 'Sở TT&TT (thử nghiệm)' });
  await expect(app.callCore('trust.add', { root: JSON.stringify(root.file) })).resolves.toMatchObject({ ok: true });
  return { root, publisher: makePublisher(root, { name: 'Sở Y tế (thử nghiệm)' }) };
}
