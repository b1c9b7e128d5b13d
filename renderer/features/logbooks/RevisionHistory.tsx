import type { LogRecord } from '../../../electron/core/contract';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { changedFields, RecordFieldsView } from './RecordFieldsView';
import type { RegistryNameOf } from './use-registry-names';

/**
 * Every earlier state of a record, newest first, each readable whole; the fields the next
 * save changed are marked, so what an edit did to a final record is plain to see.
 */
export function RevisionHistory({ record, nameOf }: { record: LogRecord; nameOf: RegistryNameOf }) {
  const t = useT();
  const states = [...record.revisions].reverse();
  return (
    <section className="revision-history" aria-labelledby="history-title" data-testid="revision-history">
      <h3 id="history-title">{t('logbooks:history.title')}</h3>
      {states.length === 0 ? (
        <p className="hint">{t('logbooks:history.none')}</p>
      ) : (
        <ol className="revisions">
          {states.map((state, index) => {
            // The state saved after this one: the next earlier state, or the record as it is now.
            const after = index === 0 ? record.data : (states[index - 1]?.data ?? record.data);
            return (
              <li key={state.revision} data-testid="revision">
                <details>
                  <summary>
                    {t('logbooks:history.entry', {
                      revision: state.revision,
                      at: formatDateTime(state.savedAt),
                      name: state.savedBy.name,
                      status: t(`logbooks:status.${state.status}`),
                    })}
                  </summary>
                  <RecordFieldsView
                    kind={record.kind}
                    data={state.data}
                    nameOf={nameOf}
                    changed={changedFields(record.kind, state.data, after)}
                  />
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
