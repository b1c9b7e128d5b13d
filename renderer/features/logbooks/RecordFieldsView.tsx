import type { LogbookKind } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { recordFields, valueAt } from './record-fields';
import { RecordValue } from './RecordValue';
import type { RegistryNameOf } from './use-registry-names';

/**
 * Every field of a record's data, labelled, in reading order; empty ones too, so a
 * missing answer is seen. Fields named in `changed` are marked (an earlier state's edits).
 */
export function RecordFieldsView({
  kind,
  data,
  nameOf,
  changed,
}: {
  kind: LogbookKind;
  data: Readonly<Record<string, unknown>>;
  nameOf: RegistryNameOf;
  changed?: ReadonlySet<string>;
}) {
  const t = useT();
  return (
    <dl className="record-fields">
      {recordFields[kind].map((field) => (
        <div key={field.path} className={`record-field${changed?.has(field.path) ? ' is-changed' : ''}`} data-field={field.path}>
          <dt>
            {t(field.label)}
            {changed?.has(field.path) && <span className="changed-mark"> · {t('logbooks:history.changed')}</span>}
          </dt>
          <dd>
            <RecordValue value={valueAt(data, field.path)} format={field.format} nameOf={nameOf} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The fields whose value differs between two states of a record. */
export function changedFields(
  kind: LogbookKind,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): ReadonlySet<string> {
  return new Set(
    recordFields[kind]
      .filter((field) => JSON.stringify(valueAt(before, field.path)) !== JSON.stringify(valueAt(after, field.path)))
      .map((field) => field.path),
  );
}
