import { ClipboardList } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { libraryHref } from './library-route';
import { usePlans } from './plans-context';
import { PlansError } from './PlansError';

/** Chooses the session plan that the list's "add" buttons put materials into. */
export function PlanBar() {
  const t = useT();
  const id = useId();
  const { plans, activePlan, setActivePlan } = usePlans();
  if (!plans) return null;
  return (
    <section className="plan-bar" data-testid="plan-bar" aria-label={t('library:planBar.label')}>
      <ClipboardList aria-hidden="true" className="plan-bar-icon" />
      {plans.length === 0 ? (
        <p>
          {t('library:planBar.none')} <a href={libraryHref({ view: 'plans' })}>{t('library:planBar.create')}</a>
        </p>
      ) : (
        <div className="plan-bar-choice">
          <label htmlFor={id}>{t('library:planBar.choose')}</label>
          <select
            id={id}
            data-testid="active-plan"
            value={activePlan?.id ?? ''}
            onChange={(event) => setActivePlan(event.target.value || null)}
          >
            <option value="">{t('library:planBar.noPlan')}</option>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </select>
          {activePlan && (
            <span className="plan-bar-count">
              {t('library:plans.count', { count: activePlan.materials.length })} ·{' '}
              <a href={libraryHref({ view: 'plan', planId: activePlan.id })}>{t('library:planBar.open')}</a>
            </span>
          )}
        </div>
      )}
      <PlansError />
    </section>
  );
}
