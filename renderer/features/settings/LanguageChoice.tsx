import { useT } from '../../i18n/use-t';
import type { Settings } from '../../../electron/core/contract';
import { ChoiceGroup } from './ChoiceGroup';
import { useSettings } from './settings-context';

const languages: readonly Settings['locale'][] = ['vi', 'en'];

export function LanguageChoice() {
  const t = useT();
  const { settings, update } = useSettings();
  return (
    <ChoiceGroup
      legend={t('settings:language.label')}
      hint={t('settings:language.hint')}
      name="locale"
      value={settings.locale}
      // Each language is named in itself, so a person can find theirs whatever is shown now.
      options={languages.map((locale) => ({ value: locale, label: t(`settings:language.${locale}`), lang: locale }))}
      onChange={(locale) => update({ locale })}
    />
  );
}
