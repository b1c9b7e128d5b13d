import { useId, useState, type FormEvent } from 'react';
import type { RegistryEntry } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { Field, FieldGroup } from '../forms/Field';
import { FormProblem } from '../forms/FormProblem';
import { useFieldMessage } from '../forms/use-field-message';
import { useSession } from '../profiles/session-context';
import { ethnicitySuggestions, figureLanguages } from './figure-suggestions';
import { figureCategories, religions, sexes, type FigureCategory, type Sex } from '../../../shared/registry-choices';
import { ConsentFields, consentData, type ConsentDraft } from './ConsentFields';
import { figureData, languageLabel } from './entry-view';
import { FormButtons } from './FormButtons';
import { numberFromText, textFromNumber, todayIso } from './form-values';
import { useSaveEntry } from './use-save-entry';
import { VillageSelect } from './VillageSelect';

/** A respected community figure: who they are, what they speak, and their recorded consent. */
export function FigureForm({ entry, onDone }: { entry: RegistryEntry | undefined; onDone: (message: string) => void }) {
  const t = useT();
  const { active } = useSession();
  const ethnicityList = useId();
  const religionList = useId();
  const initial = entry ? figureData(entry) : undefined;
  const [fullName, setFullName] = useState(initial?.fullName ?? '');
  const [sex, setSex] = useState<Sex | ''>(initial?.sex ?? '');
  const [birthYear, setBirthYear] = useState(textFromNumber(initial?.birthYear));
  const [categories, setCategories] = useState<readonly FigureCategory[]>(initial?.categories ?? []);
  const [categoryOther, setCategoryOther] = useState(initial?.categoryOther ?? '');
  const [villageId, setVillageId] = useState(initial?.villageId ?? '');
  const [languages, setLanguages] = useState<readonly string[]>(initial?.languages ?? []);
  const [ethnicity, setEthnicity] = useState(initial?.ethnicity ?? '');
  const [religion, setReligion] = useState(initial?.religion ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  // The day and the officer are filled in for a new record; the answer never is.
  const [consent, setConsent] = useState<ConsentDraft>(
    initial
      ? {
          given: initial.consent.given ? 'yes' : 'no',
          date: initial.consent.date,
          method: initial.consent.method,
          recordedBy: initial.consent.recordedBy,
          note: initial.consent.note ?? '',
        }
      : { given: '', date: todayIso(), method: '', recordedBy: active?.name ?? '', note: '' },
  );
  const { form, busy, errors, error, save } = useSaveEntry('figures', entry, onDone);
  const message = useFieldMessage(errors);
  // Languages the app has no name for (from an imported list) are kept as they are.
  const languageChoices = [...figureLanguages, ...languages.filter((tag) => !(figureLanguages as readonly string[]).includes(tag))];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({
      fullName,
      sex: sex || undefined,
      birthYear: numberFromText(birthYear),
      categories,
      categoryOther,
      villageId,
      languages,
      ethnicity,
      religion,
      phone,
      consent: consentData(consent),
    });
  };

  return (
    <form ref={form} className="card registry-form" onSubmit={submit} noValidate data-testid="figure-form">
      <div className="form-grid">
        <Field label={t('registries:field.figures.fullName')} error={message('fullName')} testId="field-fullName">
          {(control) => (
            <input {...control} value={fullName} onChange={(event) => setFullName(event.target.value)} required autoComplete="off" />
          )}
        </Field>
        <Field label={t('registries:field.figures.birthYear')} error={message('birthYear')}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              maxLength={4}
              value={birthYear}
              onChange={(event) => setBirthYear(event.target.value)}
            />
          )}
        </Field>
        <FieldGroup legend={t('registries:field.figures.sex')} error={message('sex')} role="radiogroup" testId="field-sex">
          {sexes.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="figure-sex" checked={sex === value} onChange={() => setSex(value)} />
              <span>{t(`registries:sex.${value}`)}</span>
            </label>
          ))}
        </FieldGroup>
        <VillageSelect
          label={t('registries:field.figures.villageId')}
          value={villageId}
          onChange={setVillageId}
          error={message('villageId')}
        />
        <FieldGroup
          legend={t('registries:field.figures.categories')}
          hint={t('registries:form.categoriesHint')}
          error={errors.at('categories') && t('registries:form.chooseCategory')}
          className="wide"
          testId="field-categories"
        >
          {figureCategories.map((value) => (
            <label key={value} className="choice">
              <input
                type="checkbox"
                checked={categories.includes(value)}
                onChange={(event) => setCategories(toggle(figureCategories, categories, value, event.target.checked))}
              />
              <span>{t(`registries:category.${value}`)}</span>
            </label>
          ))}
        </FieldGroup>
        {categories.includes('other') && (
          <Field label={t('registries:field.figures.categoryOther')} error={message('categoryOther')}>
            {(control) => <input {...control} value={categoryOther} onChange={(event) => setCategoryOther(event.target.value)} />}
          </Field>
        )}
        <FieldGroup legend={t('registries:field.figures.languages')} error={message('languages')} className="wide">
          {languageChoices.map((tag) => (
            <label key={tag} className="choice">
              <input
                type="checkbox"
                checked={languages.includes(tag)}
                onChange={(event) => setLanguages(toggle(languageChoices, languages, tag, event.target.checked))}
              />
              <span>{languageLabel(t, tag)}</span>
            </label>
          ))}
        </FieldGroup>
      </div>

      <section className="sensitive" aria-labelledby="sensitive-title">
        <h3 id="sensitive-title">{t('registries:consent.sensitiveTitle')}</h3>
        <p className="hint">{t('registries:consent.why')}</p>
        <div className="form-grid">
          <Field label={t('registries:field.figures.ethnicity')} error={message('ethnicity')} testId="field-ethnicity">
            {(control) => (
              <input {...control} list={ethnicityList} value={ethnicity} onChange={(event) => setEthnicity(event.target.value)} />
            )}
          </Field>
          <Field label={t('registries:field.figures.religion')} error={message('religion')}>
            {(control) => <input {...control} list={religionList} value={religion} onChange={(event) => setReligion(event.target.value)} />}
          </Field>
          <Field label={t('registries:field.figures.phone')} error={message('phone')}>
            {(control) => (
              <input {...control} type="tel" inputMode="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
            )}
          </Field>
        </div>
        <datalist id={ethnicityList}>
          {ethnicitySuggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <datalist id={religionList}>
          {religions
            .filter((value) => value !== 'other')
            .map((value) => (
              <option key={value} value={t(`registries:religion.${value}`)} />
            ))}
        </datalist>
        <ConsentFields
          draft={consent}
          onChange={setConsent}
          message={(path) => message(`consent.${path}`)}
          missing={errors.at('consent')?.field === 'consent' ? t('registries:consent.missing') : undefined}
        />
      </section>
      <FormProblem error={error} errors={errors} />
      <FormButtons registry="figures" busy={busy} />
    </form>
  );
}

/** The chosen values with one turned on or off, kept in the order they are offered. */
function toggle<V>(offered: readonly V[], chosen: readonly V[], value: V, on: boolean): V[] {
  return offered.filter((each) => (each === value ? on : chosen.includes(each)));
}
