import { buildAll } from './lib/build-all';

await buildAll();
