import type { Handlers } from '../api/dispatcher';
import type { NoticeBoard } from './notice-board';

export interface AppIdentity {
  readonly version: string;
  readonly dataDir: string;
  readonly startedAt: Date;
}

export function appInfoHandlers(identity: AppIdentity, notices: NoticeBoard): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      name: 'Chiêng',
      version: identity.version,
      dataDir: identity.dataDir,
      startedAt: identity.startedAt.toISOString(),
      platform: process.platform,
      notices: notices.list(),
    }),
  };
}
