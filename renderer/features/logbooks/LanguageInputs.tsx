import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Field, FieldGroup } from '../forms/Field';
import { languageName } from '../library/names';
import { fieldLanguages, isFieldLanguage } from './field-languages';
import type { FieldPath } from './form-values';
import { useFormField } from './record-form-context';

type T = ReturnType<typeof useT>;

/** The commune's languages by name; M'nông has two codes, so those say which. */
const languageLabel = (t: T, tag: string) => (tag === 'cmo' || tag === 'mng' ? `${languageName(t, tag)} (${tag})` : languageName(t, tag));

const otherTags = (text: string) => text.split(/[\s,;]+/).filter((tag) => tag !== '');

/** The languages used: the commune's as checkboxes, any other typed as its code. */
export function LanguagesInput({ path, label }: { path: FieldPath; label: string }) {
  const t = useT();
  const otherId = useId();
  const field = useFormField<string[]>(path);
  const chosen = field.value ?? [];
  const known = chosen.filter(isFieldLanguage);
  const [other, setOther] = useState(() => chosen.filter((tag) => !isFieldLanguage(tag)).join(', '));
  const [otherOn, setOtherOn] = useState(other !== '');
  const update = (nextKnown: readonly string[], nextOther: string, on: boolean) =>
    field.set([...fieldLanguages.filter((tag) => nextKnown.includes(tag)), ...(on ? otherTags(nextOther) : [])]);

  return (
    <FieldGroup legend={label} error={field.error} className="wide languages" testId={`field-${path}`}>
      {fieldLanguages.map((tag) => (
        <label key={tag} className="choice">
          <input
            type="checkbox"
            value={tag}
            checked={known.includes(tag)}
            onChange={(event) => update(event.target.checked ? [...known, tag] : known.filter((each) => each !== tag), other, otherOn)}
          />
          <span>{languageLabel(t, tag)}</span>
        </label>
      ))}
      <label className="choice">
        <input
          type="checkbox"
          checked={otherOn}
          onChange={(event) => {
            setOtherOn(event.target.checked);
            update(known, other, event.target.checked);
          }}
        />
        <span>{t('logbooks:languages.other')}</span>
      </label>
      {otherOn && (
        <span className="other-text">
          <label htmlFor={otherId} className="visually-hidden">
            {t('logbooks:languages.otherCodes')}
          </label>
          <input
            id={otherId}
            value={other}
            maxLength={100}
            placeholder={t('logbooks:languages.otherPlaceholder')}
            title={t('logbooks:languages.otherHint')}
            onChange={(event) => {
              setOther(event.target.value);
              update(known, event.target.value, true);
            }}
          />
        </span>
      )}
    </FieldGroup>
  );
}

/** One language (of a leaflet handed out): the commune's as a list, or another's code. */
export function LanguageInput({ path, label }: { path: FieldPath; label: string }) {
  const t = useT();
  const field = useFormField<string>(path);
  const value = field.value ?? '';
  const [otherOn, setOtherOn] = useState(value !== '' && !isFieldLanguage(value));
  return (
    <Field label={label} hint={otherOn ? t('logbooks:languages.otherHint') : undefined} error={field.error} testId={`field-${path}`}>
      {(control) => (
        <span className="with-button">
          <select
            {...(otherOn ? {} : control)}
            aria-label={otherOn ? label : undefined}
            value={otherOn ? 'other' : value}
            onChange={(event) => {
              const on = event.target.value === 'other';
              setOtherOn(on);
              field.set(on ? '' : event.target.value || undefined);
            }}
          >
            <option value="">{t('logbooks:form.noneChosen')}</option>
            {fieldLanguages.map((tag) => (
              <option key={tag} value={tag}>
                {languageLabel(t, tag)}
              </option>
            ))}
            <option value="other">{t('logbooks:languages.other')}</option>
          </select>
          {otherOn && (
            <input
              {...control}
              value={value}
              maxLength={35}
              placeholder={t('logbooks:languages.otherPlaceholder')}
              onChange={(event) => field.set(event.target.value.trim())}
            />
          )}
        </span>
      )}
    </Field>
  );
}
