import { ArrowLeft } from 'lucide-react';
import type { RegistryEntry } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { entryName } from '../../../shared/registry-entry';
import { FigureForm } from './FigureForm';
import { PersonData } from './PersonData';
import { PlaceForm } from './PlaceForm';
import { registryHref, type RegistryRoute } from './registries-route';
import { useRegistry } from './use-registry';
import { VillageForm } from './VillageForm';

type EditorRoute = Exclude<RegistryRoute, { view: 'list' }>;

/** A new entry, or an existing one to change; figures also offer their data to the person named. */
export function EntryEditor({ route, onDone }: { route: EditorRoute; onDone: (message: string) => void }) {
  const t = useT();
  const { entries } = useRegistry(route.registry);
  const entry = route.view === 'edit' ? entries?.find((each) => each.id === route.id) : undefined;
  const back = (
    <a className="back-link" href={registryHref({ registry: route.registry, view: 'list' })}>
      <ArrowLeft aria-hidden="true" /> {t('registries:form.back', { list: t(`registries:registry.${route.registry}`) })}
    </a>
  );
  if (route.view === 'edit' && !entry) {
    return (
      <section>
        {back}
        <p>{entries ? t('registries:notFound') : t('common:loading')}</p>
      </section>
    );
  }
  const title = entry ? entryName(entry) : t(`registries:form.new.${route.registry}`);
  return (
    <section className="registry-editor" aria-labelledby="entry-heading">
      {back}
      <h2 id="entry-heading" className="view-heading" tabIndex={-1}>
        {title}
      </h2>
      <Form entry={entry} route={route} onDone={onDone} />
      {entry && route.registry === 'figures' && <PersonData entry={entry} onErased={onDone} />}
    </section>
  );
}

function Form({ entry, route, onDone }: { entry: RegistryEntry | undefined; route: EditorRoute; onDone: (message: string) => void }) {
  switch (route.registry) {
    case 'villages':
      return <VillageForm entry={entry} onDone={onDone} />;
    case 'figures':
      return <FigureForm entry={entry} onDone={onDone} />;
    case 'places':
      return <PlaceForm entry={entry} onDone={onDone} />;
  }
}
