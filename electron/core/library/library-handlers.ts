import type { Handlers } from '../api/dispatcher';
import { Failure } from '../failure';
import type { LibraryService } from './library-service';

type LibraryHandlers = Pick<Handlers, 'library.list' | 'library.material' | 'library.search' | 'library.check'>;

export function libraryHandlers(library: LibraryService): LibraryHandlers {
  return {
    'library.list': ({ limit, ...filters }) => library.list(filters, limit),
    'library.material': async ({ id }) => {
      const found = await library.material(id);
      if (!found) throw new Failure('not_found', 'library:detail.missing', { field: 'id' });
      return found;
    },
    'library.search': ({ query, limit, ...filters }) => library.search(query, filters, limit ?? 50),
    'library.check': ({ id }) => library.check(id),
  };
}
