import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import { Failure } from '../failure';
import type { PlansStore } from './plans-store';

type PlansHandlers = Pick<Handlers, 'plans.list' | 'plans.save' | 'plans.remove'>;

/** Session plans: the materials prepared, in order, for one village meeting. */
export function plansHandlers(plans: PlansStore, events: EventBus): PlansHandlers {
  return {
    'plans.list': () => ({ plans: plans.list() }),
    'plans.save': async (input) => {
      const saved = await plans.save(input);
      if (!saved) throw new Failure('not_found', 'library:plans.notFound', { field: 'id' });
      events.emit('plans.changed', {});
      return saved;
    },
    'plans.remove': async ({ id }) => {
      const removed = await plans.remove(id);
      if (removed) events.emit('plans.changed', {});
      return { removed };
    },
  };
}
