import { ArrowDown, ArrowLeft, ArrowUp, ListPlus, MonitorPlay, Pencil, Trash2, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionPlan } from '../../../electron/core/contract';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { KindIcon } from './KindIcon';
import { libraryHref, materialHref, navigate } from './library-route';
import { presentHref } from '../present/present-route';
import { localizedText } from './localized-text';
import { kindName, languageName } from './names';
import { usePlans } from './plans-context';
import { PlansError } from './PlansError';
import { Provenance } from './Provenance';
import type { LibraryData } from './use-library';

type Action = 'up' | 'down' | 'remove';

/** One plan: its materials in order, to reorder, take out, rename, present or delete. */
export function PlanEditor({ planId, library }: { planId: string; library: LibraryData }) {
  const t = useT();
  const { plans, change, setActivePlan } = usePlans();
  const plan = plans?.find((each) => each.id === planId);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Moving an item moves its buttons in the page, which drops the focus; it is put back.
  const focusNext = useRef<{ id: string; action: Action } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-material-id="${CSS.escape(target.id)}"]`);
    const button = (action: Action) => row?.querySelector<HTMLButtonElement>(`[data-action="${action}"]:not(:disabled)`);
    const fallback: Action = target.action === 'up' ? 'down' : 'up';
    (button(target.action) ?? button(fallback) ?? button('remove') ?? addRef.current)?.focus();
  }, [plan?.materials]);

  const back = (
    <a href={libraryHref({ view: 'plans' })} className="back-link">
      <ArrowLeft aria-hidden="true" /> {t('library:plans.back')}
    </a>
  );

  if (!plans) return <p>{t('common:loading')}</p>;
  if (!plan) {
    return (
      <section className="plan-editor" data-testid="plan-missing">
        {back}
        <h2 tabIndex={-1} className="view-heading">
          {t('library:plans.missingTitle')}
        </h2>
        <p>{t('library:plans.missing')}</p>
      </section>
    );
  }

  const titleOf = (id: string) => {
    const material = library.byId.get(id);
    return material ? localizedText(material.title).text : id;
  };

  const move = (index: number, by: -1 | 1) => {
    const id = plan.materials[index];
    if (id === undefined) return;
    focusNext.current = { id, action: by < 0 ? 'up' : 'down' };
    change(plan.id, (current) => {
      const materials = [...current.materials];
      const from = materials.indexOf(id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= materials.length) return {};
      materials.splice(from, 1);
      materials.splice(to, 0, id);
      setAnnouncement(t('library:plans.moved', { title: titleOf(id), position: to + 1, count: materials.length }));
      return { materials };
    });
  };

  const takeOut = (index: number) => {
    const id = plan.materials[index];
    if (id === undefined) return;
    const neighbour = plan.materials[index + 1] ?? plan.materials[index - 1];
    focusNext.current = neighbour ? { id: neighbour, action: 'remove' } : { id: '', action: 'remove' };
    setAnnouncement(t('library:plan.takenOut', { title: titleOf(id), plan: plan.title }));
    change(plan.id, (current) => ({ materials: current.materials.filter((each, at) => !(each === id && at === index)) }));
  };

  const addMaterials = () => {
    setActivePlan(plan.id);
    navigate({ view: 'browse' });
  };

  const seen = new Map<string, number>();
  return (
    <section className="plan-editor" data-testid="plan-editor" data-plan-id={plan.id} aria-labelledby="plan-heading">
      {back}
      <PlanTitle plan={plan} />
      <p className="hint">
        {t('library:plans.count', { count: plan.materials.length })} ·{' '}
        {t('library:plans.updated', { date: formatDateTime(plan.updatedAt) })}
      </p>
      <div className="plan-actions">
        {plan.materials.length > 0 ? (
          <a className="button-link primary" href={presentHref({ kind: 'plan', planId: plan.id })} data-testid="present-plan">
            <MonitorPlay aria-hidden="true" /> {t('library:plans.present')}
          </a>
        ) : (
          <button type="button" className="primary" disabled data-testid="present-plan">
            <MonitorPlay aria-hidden="true" /> {t('library:plans.present')}
          </button>
        )}
        <button type="button" ref={addRef} onClick={addMaterials} data-testid="add-materials">
          <ListPlus aria-hidden="true" /> {t('library:plans.addMaterials')}
        </button>
        <DeletePlan plan={plan} />
      </div>
      <PlansError />
      {plan.materials.length === 0 && <p className="library-empty">{t('library:plans.noMaterials')}</p>}
      {plan.materials.some((id) => library.byId.get(id)?.withdrawn) && (
        <p className="notice-inline plan-warning" role="note" data-testid="plan-has-withdrawn">
          {t('library:plans.hasWithdrawn')}
        </p>
      )}
      <ol className="plan-items" ref={listRef} data-testid="plan-items">
        {plan.materials.map((id, index) => {
          const nth = (seen.get(id) ?? 0) + 1;
          seen.set(id, nth);
          const material = library.byId.get(id);
          const title = material ? localizedText(material.title) : null;
          const name = title?.text ?? id;
          return (
            <li
              key={`${id}#${nth}`}
              className={`plan-item${material?.withdrawn ? ' is-withdrawn' : ''}`}
              data-testid="plan-item"
              data-material-id={id}
            >
              <span className="plan-position" aria-hidden="true">
                {index + 1}
              </span>
              {material && <KindIcon kind={material.kind} />}
              <div className="material-main">
                {material && title ? (
                  <>
                    <h3 className="material-title">
                      <a href={materialHref(material)} lang={title.lang}>
                        {title.text}
                      </a>
                    </h3>
                    <p className="material-facts">
                      <span className="material-kind">{kindName(t, material.kind)}</span>
                      <span>{material.languages.map((tag) => languageName(t, tag)).join(', ')}</span>
                    </p>
                    <Provenance material={material} pack={library.packs.get(material.packId)} />
                  </>
                ) : (
                  <p className="field-error">{library.materials ? t('library:plans.gone', { id }) : t('common:loading')}</p>
                )}
              </div>
              <div
                className="plan-item-actions"
                role="group"
                aria-label={t('library:plans.itemActions', { position: index + 1, title: name })}
              >
                <button
                  type="button"
                  data-action="up"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('library:plans.up', { title: name })}
                  title={t('library:plans.upShort')}
                >
                  <ArrowUp aria-hidden="true" />
                </button>
                <button
                  type="button"
                  data-action="down"
                  disabled={index === plan.materials.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('library:plans.down', { title: name })}
                  title={t('library:plans.downShort')}
                >
                  <ArrowDown aria-hidden="true" />
                </button>
                <button
                  type="button"
                  data-action="remove"
                  onClick={() => takeOut(index)}
                  aria-label={t('library:plans.remove', { title: name })}
                  title={t('library:plans.removeShort')}
                >
                  <X aria-hidden="true" />
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

function PlanTitle({ plan }: { plan: SessionPlan }) {
  const t = useT();
  const id = useId();
  const errorId = useId();
  const { change } = usePlans();
  const [draft, setDraft] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const renameRef = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);

  useEffect(() => {
    // Back from the form, the focus returns to the button that opened it.
    if (draft === null && closed.current) renameRef.current?.focus();
    closed.current = false;
  }, [draft]);

  const close = () => {
    closed.current = true;
    setDraft(null);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const title = (draft ?? '').trim();
    if (title === '') {
      setEmpty(true);
      return;
    }
    change(plan.id, () => ({ title }));
    close();
  };

  if (draft === null) {
    return (
      <div className="plan-title">
        <h2 id="plan-heading" tabIndex={-1} className="view-heading">
          {plan.title}
        </h2>
        <button type="button" ref={renameRef} onClick={() => setDraft(plan.title)} data-testid="rename-plan">
          <Pencil aria-hidden="true" /> {t('library:plans.rename')}
        </button>
      </div>
    );
  }
  return (
    <form className="plan-title-form" onSubmit={save} noValidate>
      <h2 id="plan-heading" className="visually-hidden">
        {plan.title}
      </h2>
      <label htmlFor={id}>{t('library:plans.renameLabel')}</label>
      <div className="field-row">
        <input
          id={id}
          value={draft}
          maxLength={200}
          autoFocus
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? errorId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setEmpty(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
          data-testid="rename-input"
        />
        <button type="submit" className="primary">
          {t('library:plans.save')}
        </button>
        <button type="button" onClick={close}>
          {t('common:cancel')}
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

function DeletePlan({ plan }: { plan: SessionPlan }) {
  const t = useT();
  const { remove, activePlan, setActivePlan } = usePlans();
  const [confirming, setConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    // Said no: the focus goes back to where the question was asked from.
    if (!confirming && asked.current) deleteRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    const removed = await remove(plan.id);
    if (!removed) return;
    if (activePlan?.id === plan.id) setActivePlan(null);
    navigate({ view: 'plans' });
  };

  return confirming ? (
    <span className="confirm" role="group" aria-label={t('library:plans.delete')}>
      <span>{t('library:plans.confirmDelete', { title: plan.title })}</span>
      <button type="button" className="danger" onClick={() => void confirm()} data-testid="confirm-delete-plan">
        {t('library:plans.delete')}
      </button>
      <button type="button" onClick={() => setConfirming(false)} autoFocus>
        {t('common:cancel')}
      </button>
    </span>
  ) : (
    <button type="button" ref={deleteRef} onClick={() => setConfirming(true)} data-testid="delete-plan">
      <Trash2 aria-hidden="true" /> {t('library:plans.delete')}
    </button>
  );
}
