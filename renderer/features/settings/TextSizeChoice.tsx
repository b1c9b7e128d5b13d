import { useT } from '../../i18n/use-t';
import type { Settings } from '../../../electron/core/contract';
import { ChoiceGroup } from './ChoiceGroup';
import { useSettings } from './settings-context';

const scales: readonly Settings['textScale'][] = [100, 125, 150];

export function TextSizeChoice() {
  const t = useT();
  const { settings, update } = useSettings();
  return (
    <ChoiceGroup
      legend={t('settings:textSize.label')}
      hint={t('settings:textSize.hint')}
      name="textScale"
      value={settings.textScale}
      options={scales.map((scale) => ({ value: scale, label: t('settings:textSize.option', { value: scale }) }))}
      onChange={(textScale) => update({ textScale })}
    />
  );
}
