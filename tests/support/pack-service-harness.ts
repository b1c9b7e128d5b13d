import path from 'node:path';
import { openPackService, type PackService, type PackServiceOptions } from '../../electron/core/packs/pack-service';
import { makePublisher, makeRoot, type TestPublisher, type TestRoot } from './pack-fixtures';
import { makeTempDir } from './temp-dir';

export interface PackHarness {
  readonly work: string;
  readonly dataDir: string;
  readonly root: TestRoot;
  readonly publisher: TestPublisher;
  readonly damaged: string[];
  open(options?: Partial<PackServiceOptions>): Promise<PackService>;
  remove(): Promise<void>;
}

/** A work folder with an official test root (trusting `vn.`), a publisher for `vn.test.`, and a data folder. */
export async function packHarness(): Promise<PackHarness> {
  const temp = await makeTempDir('chieng-packs');
  const root = await makeRoot(path.join(temp.dir, 'roots'));
  const publisher = makePublisher(root);
  const dataDir = path.join(temp.dir, 'data');
  const damaged: string[] = [];
  return {
    work: temp.dir,
    dataDir,
    root,
    publisher,
    damaged,
    open: (options = {}) => openPackService({ dataDir, builtInRoots: root.dir, onDamaged: (file) => damaged.push(file), ...options }),
    remove: temp.remove,
  };
}
