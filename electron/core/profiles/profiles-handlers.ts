import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { Session } from '../contract/profiles';
import type { ProfileSession } from './profile-session';

type ProfileHandlers = Pick<
  Handlers,
  'profiles.session' | 'profiles.save' | 'profiles.activate' | 'profiles.lock' | 'profiles.setIdleLock'
>;

export function profilesHandlers(session: ProfileSession, events: EventBus): ProfileHandlers {
  const changed = (value: Session) => {
    events.emit('profiles.changed', value);
    return value;
  };
  return {
    'profiles.session': () => session.session(),
    'profiles.save': async (input) => changed(await session.save(input)),
    'profiles.activate': async ({ id, pin, remember }) => changed(await session.activate(id, pin, remember)),
    'profiles.lock': () => changed(session.lock()),
    'profiles.setIdleLock': async ({ minutes }) => changed(await session.setIdleLock(minutes)),
  };
}
