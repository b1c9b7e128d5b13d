import { PenLine, X } from 'lucide-react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MaterialUse, SearchHit } from '../../../electron/core/contract';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { FieldGroup } from '../forms/Field';
import type { FieldPath } from './form-values';
import { MaterialText } from './RecordValue';
import { useFormField } from './record-form-context';
import { useMaterialHits } from './use-material-hits';

interface MaterialsInputProps {
  readonly path: FieldPath;
  readonly label: string;
  readonly hint?: string;
  /** One material (the leaflet handed out) rather than a list. */
  readonly single?: boolean;
  readonly kind?: 'leaflet';
}

/**
 * The materials used: found in the installed library by typing a few words (arrows and
 * Enter choose), their titles kept with the record; or written in, for a live reading.
 * What is written in is part of the record as it is typed, so nothing is left behind.
 */
export function MaterialsInput({ path, label, hint, single = false, kind }: MaterialsInputProps) {
  const t = useT();
  const field = useFormField<MaterialUse[] | MaterialUse>(path);
  const chosen = single ? (field.value ? [field.value as MaterialUse] : []) : ((field.value as MaterialUse[] | undefined) ?? []);
  const [focusFree, setFocusFree] = useState<number | null>(null);
  const setAll = (next: MaterialUse[]) => field.set(single ? next[next.length - 1] : next);
  const add = (use: MaterialUse) => setAll(single ? [use] : [...chosen, use]);
  const replace = (index: number, use: MaterialUse) => setAll(chosen.map((each, at) => (at === index ? use : each)));
  const remove = (index: number) => setAll(chosen.filter((_, at) => at !== index));
  const nameOf = (use: MaterialUse) => (use.source === 'pack' ? use.title : use.text) || t('logbooks:materials.freeRow');

  return (
    <FieldGroup legend={label} hint={hint} error={field.error} className="wide materials-input" testId={`field-${path}`}>
      {chosen.length > 0 && (
        <ul className="chosen-materials">
          {chosen.map((use, index) => (
            <li key={index}>
              {use.source === 'pack' ? (
                <MaterialText use={use} />
              ) : (
                <FreeRow
                  text={use.text}
                  autoFocus={focusFree === index}
                  label={t('logbooks:materials.freeRow')}
                  onChange={(text) => replace(index, { source: 'free', text })}
                />
              )}
              <button
                type="button"
                className="icon-button"
                onClick={() => remove(index)}
                aria-label={t('logbooks:materials.remove', { title: nameOf(use) })}
                title={t('logbooks:materials.remove', { title: nameOf(use) })}
              >
                <X aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="material-pickers">
        <LibrarySearch kind={kind} onChoose={(hit) => add({ source: 'pack', materialId: hit.id, title: hit.title.text })} />
        <button
          type="button"
          className="add-free"
          onClick={() => {
            setFocusFree(single ? 0 : chosen.length);
            add({ source: 'free', text: '' });
          }}
        >
          <PenLine aria-hidden="true" /> {kind === 'leaflet' ? t('logbooks:materials.addFreeLeaflet') : t('logbooks:materials.addFree')}
        </button>
      </div>
    </FieldGroup>
  );
}

function FreeRow({
  text,
  label,
  autoFocus,
  onChange,
}: {
  text: string;
  label: string;
  autoFocus: boolean;
  onChange: (text: string) => void;
}) {
  return (
    <input
      className="free-material"
      aria-label={label}
      placeholder={label}
      value={text}
      maxLength={2000}
      autoFocus={autoFocus}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function LibrarySearch({ kind, onChoose }: { kind: 'leaflet' | undefined; onChoose: (hit: SearchHit) => void }) {
  const t = useT();
  const describe = useMessage();
  const inputId = useId();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { hits, error, answered } = useMaterialHits(query, kind);
  const open = query.trim() !== '' && hits.length > 0;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setQuery('');
    setActive(0);
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && hits.length > 0) {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      // Enter chooses here; it never submits the form.
      event.preventDefault();
      if (open) choose(hits[active]);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div className="material-search">
      <label htmlFor={inputId}>{kind === 'leaflet' ? t('logbooks:materials.searchLeaflet') : t('logbooks:materials.search')}</label>
      <input
        ref={input}
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={query}
        maxLength={200}
        placeholder={t('logbooks:materials.searchPlaceholder')}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="material-hits" hidden={!open} aria-label={t('logbooks:materials.hits')}>
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(hit)}
          >
            {hit.title.text}
          </li>
        ))}
      </ul>
      {answered && hits.length === 0 && !error && <p className="hint">{t('logbooks:materials.noHits')}</p>}
      {error && <p className="field-error">{describe(error)}</p>}
    </div>
  );
}
