import { Check, Plus } from 'lucide-react';
import { useId, useState } from 'react';
import type { ListedMaterial } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { libraryHref } from './library-route';
import { localizedText } from './localized-text';
import { usePlans } from './plans-context';
import { PlansError } from './PlansError';

/** Puts the material into a session plan (or takes it out), from its own page. */
export function AddToPlan({ material }: { material: ListedMaterial }) {
  const t = useT();
  const id = useId();
  const { plans, activePlan, change } = usePlans();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  if (!plans) return null;
  const chosen = plans.find((plan) => plan.id === chosenId) ?? activePlan ?? plans[0];
  const containing = plans.filter((plan) => plan.materials.includes(material.id));
  const included = chosen?.materials.includes(material.id) ?? false;
  const title = localizedText(material.title).text;

  const toggle = () => {
    if (!chosen) return;
    change(chosen.id, (plan) => {
      const has = plan.materials.includes(material.id);
      setAnnouncement(t(has ? 'library:plan.takenOut' : 'library:plan.added', { title, plan: plan.title }));
      return { materials: has ? plan.materials.filter((each) => each !== material.id) : [...plan.materials, material.id] };
    });
  };

  return (
    <div className="add-to-plan" data-testid="add-to-plan" role="group" aria-label={t('library:plans.title')}>
      {plans.length === 0 ? (
        <p>
          {t('library:planBar.none')} <a href={libraryHref({ view: 'plans' })}>{t('library:planBar.create')}</a>
        </p>
      ) : material.withdrawn && !included ? (
        <p className="hint">{t('library:plan.withdrawnNotAdded')}</p>
      ) : (
        <>
          <label htmlFor={id}>{t('library:plan.choose')}</label>
          <select id={id} value={chosen?.id ?? ''} onChange={(event) => setChosenId(event.target.value)}>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </select>
          <button type="button" className={included ? undefined : 'primary'} onClick={toggle} data-testid="toggle-plan">
            {included ? <Check aria-hidden="true" /> : <Plus aria-hidden="true" />}
            {included ? t('library:plan.takeOut') : t('library:plan.add')}
          </button>
        </>
      )}
      {containing.length > 0 && (
        <p className="hint" data-testid="in-plans">
          {t('library:plan.containedIn', { plans: containing.map((plan) => `“${plan.title}”`).join(', ') })}
        </p>
      )}
      <PlansError />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
