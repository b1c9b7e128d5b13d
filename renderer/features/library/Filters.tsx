import { FilterX } from 'lucide-react';
import { useId } from 'react';
import type { MaterialPack } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { localized } from '../../i18n/use-localized';
import { hasFilters, type LibraryData, type LibraryFilters } from './use-library';
import { kindName, kinds, languageName, topicName } from './names';

type Key = keyof LibraryFilters;

interface Option {
  readonly value: string;
  readonly label: string;
}

/** Narrows the list by pack, topic, language and kind; the choices are what is installed. */
export function Filters({
  filters,
  library,
  onChange,
}: {
  filters: LibraryFilters;
  library: LibraryData;
  onChange: (filters: LibraryFilters) => void;
}) {
  const t = useT();
  const set = (key: Key, value: string) => onChange({ ...filters, [key]: value === '' ? undefined : value });
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, 'vi');

  // Demo and no-longer-vouched-for packs say so here too, not only in the list.
  const packLabel = (pack: MaterialPack) => {
    const title = localized(pack.title);
    if (pack.trust !== 'ok') return t('library:filters.untrustedPack', { title });
    return pack.official ? title : t('library:filters.demoPack', { title });
  };
  const packs = [...library.packs.values()].map((pack) => ({ value: pack.id, label: packLabel(pack) })).sort(byName);
  const topics = library.facets.topics.map((topic) => ({ value: topic, label: topicName(t, topic) })).sort(byName);
  const names = library.facets.languages.map((tag) => languageName(t, tag));
  // M'nông has two tags (cmo, mng); when both are there, say which is which.
  const languages = library.facets.languages
    .map((tag, index) => ({
      value: tag,
      label: names.filter((name) => name === names[index]).length > 1 ? `${names[index] ?? tag} (${tag})` : (names[index] ?? tag),
    }))
    .sort(byName);
  const kindOptions = kinds
    .filter((kind) => library.facets.kinds.includes(kind))
    .map((kind) => ({ value: kind, label: kindName(t, kind) }));

  return (
    <div className="library-filters" data-testid="library-filters" role="group" aria-label={t('library:filters.label')}>
      <FilterSelect name="packId" label={t('library:filters.pack')} value={filters.packId} options={packs} onChange={set} />
      <FilterSelect name="topic" label={t('library:filters.topic')} value={filters.topic} options={topics} onChange={set} />
      <FilterSelect name="language" label={t('library:filters.language')} value={filters.language} options={languages} onChange={set} />
      <FilterSelect name="kind" label={t('library:filters.kind')} value={filters.kind} options={kindOptions} onChange={set} />
      {hasFilters(filters) && (
        <button type="button" className="filters-clear" onClick={() => onChange({})}>
          <FilterX aria-hidden="true" /> {t('library:filters.clear')}
        </button>
      )}
    </div>
  );
}

function FilterSelect({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: Key;
  label: string;
  value: string | undefined;
  options: readonly Option[];
  onChange: (key: Key, value: string) => void;
}) {
  const t = useT();
  const id = useId();
  // A filter from before (a pack since removed) stays choosable, so it can be seen and undone.
  const shown = value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-filter={name} value={value ?? ''} onChange={(event) => onChange(name, event.target.value)}>
        <option value="">{t('library:filters.all')}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
