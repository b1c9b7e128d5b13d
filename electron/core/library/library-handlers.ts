import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/api-failure';
import type { EventBus } from '../api/event-bus';
import type { PlansStore } from '../plans/plans-store';
import type { LibraryService } from './library-service';

type LibraryHandlers = Pick<
  Handlers,
  'library.list' | 'library.material' | 'library.search' | 'library.check' | 'plans.list' | 'plans.save' | 'plans.remove'
>;

export function libraryHandlers(library: LibraryService, plans: PlansStore, events: EventBus): LibraryHandlers {
  return {
    'library.list': ({ limit, ...filters }) => library.list(filters, limit),
    'library.material': async ({ id }) => {
      const found = await library.material(id);
      if (!found) throw new ApiFailure('not_found', 'library:detail.missing', { field: 'id' });
      return found;
    },
    'library.search': ({ query, limit, ...filters }) => library.search(query, filters, limit ?? 50),
    'library.check': ({ id }) => library.check(id),
    'plans.list': () => ({ plans: plans.list() }),
    'plans.save': async (input) => {
      const saved = await plans.save(input);
      if (!saved) throw new ApiFailure('not_found', 'library:plans.notFound', { field: 'id' });
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
