import { Search, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { maxQueryLength } from './use-search';

/** How long typing must pause before the search runs. */
const debounceMs = 100;

/**
 * The search field. It keeps what is typed to itself and passes it on once typing pauses,
 * so a keystroke re-renders this field and nothing else.
 */
export function SearchBox({ initial, onQuery }: { initial: string; onQuery: (query: string) => void }) {
  const t = useT();
  const id = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initial);

  useEffect(() => {
    const timer = setTimeout(() => onQuery(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, onQuery]);

  const clear = () => {
    setText('');
    onQuery('');
    input.current?.focus();
  };

  return (
    <div className="library-search" role="search">
      <label htmlFor={id}>{t('library:search.label')}</label>
      <div className="search-field">
        <Search aria-hidden="true" className="search-icon" />
        <input
          ref={input}
          id={id}
          type="search"
          data-testid="library-search"
          value={text}
          maxLength={maxQueryLength}
          placeholder={t('library:search.placeholder')}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onQuery(text);
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault();
              clear();
            }
          }}
        />
        {text !== '' && (
          <button
            type="button"
            className="search-clear"
            onClick={clear}
            aria-label={t('library:search.clear')}
            title={t('library:search.clear')}
          >
            <X aria-hidden="true" />
          </button>
        )}
      </div>
      <p id={hintId} className="hint">
        {t('library:search.hint')}
      </p>
    </div>
  );
}
