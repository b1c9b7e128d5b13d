import { MonitorPlay, Plus } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { libraryHref, navigate } from './library-route';
import { presentHref } from '../present/present-route';
import { usePlans } from './plans-context';
import { PlansError } from './PlansError';

/** Every session plan, and a new one. */
export function PlansPage() {
  const t = useT();
  const { plans } = usePlans();
  return (
    <section className="plans-page" aria-labelledby="plans-heading">
      <h2 id="plans-heading" tabIndex={-1} className="view-heading">
        {t('library:plans.title')}
      </h2>
      <p className="hint">{t('library:plans.intro')}</p>
      <CreatePlan />
      <PlansError />
      {!plans && <p>{t('common:loading')}</p>}
      {plans?.length === 0 && (
        <p className="library-empty" data-testid="plans-empty">
          {t('library:plans.empty')}
        </p>
      )}
      {plans && plans.length > 0 && (
        <ul className="plan-list" data-testid="plan-list">
          {plans.map((plan) => (
            <li key={plan.id} className="card plan-summary" data-testid="plan-summary" data-plan-id={plan.id}>
              <div>
                <h3>
                  <a href={libraryHref({ view: 'plan', planId: plan.id })}>{plan.title}</a>
                </h3>
                <p className="hint">
                  {t('library:plans.count', { count: plan.materials.length })} ·{' '}
                  {t('library:plans.updated', { date: formatDateTime(plan.updatedAt) })}
                </p>
              </div>
              {plan.materials.length > 0 && (
                <a className="button-link" href={presentHref({ kind: 'plan', planId: plan.id })}>
                  <MonitorPlay aria-hidden="true" /> {t('library:plans.present')}
                  <span className="visually-hidden">: {plan.title}</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CreatePlan() {
  const t = useT();
  const id = useId();
  const errorId = useId();
  const { create, setActivePlan } = usePlans();
  const [title, setTitle] = useState('');
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setEmpty(true);
      return;
    }
    setBusy(true);
    const plan = await create(title.trim());
    setBusy(false);
    if (!plan) return;
    setTitle('');
    setActivePlan(plan.id);
    navigate({ view: 'plan', planId: plan.id });
  };

  return (
    <form className="card create-plan" onSubmit={(event) => void submit(event)} noValidate data-testid="create-plan">
      <label htmlFor={id}>{t('library:plans.newTitle')}</label>
      <div className="field-row">
        <input
          id={id}
          value={title}
          maxLength={200}
          placeholder={t('library:plans.newPlaceholder')}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? errorId : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setEmpty(false);
          }}
        />
        <button type="submit" className="primary" disabled={busy}>
          <Plus aria-hidden="true" /> {t('library:plans.create')}
        </button>
      </div>
      {empty && (
        <p id={errorId} className="field-error" role="alert">
          {t('library:plans.titleRequired')}
        </p>
      )}
    </form>
  );
}
