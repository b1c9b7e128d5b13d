import type { ReactNode } from 'react';
import type { MaterialUse } from '../../../electron/core/contract';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { libraryHref } from '../library/library-route';
import { languageName } from '../library/names';
import type { BroadcastSource, BulletinPriority, RumourStatus, SpreadChannel } from '../../../shared/logbook-choices';
import { formatLocalTime } from './local-time';
import type { ValueFormat } from './record-fields';
import type { RegistryNameOf } from './use-registry-names';

type T = ReturnType<typeof useT>;

/** One field's value as words: names for ids, labels for choices, lists one per line. */
export function RecordValue({ value, format, nameOf }: { value: unknown; format: ValueFormat; nameOf: RegistryNameOf }) {
  const t = useT();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return <span className="value-none">{t('logbooks:value.none')}</span>;
  switch (format) {
    case 'datetime':
      return <>{formatLocalTime(asText(value))}</>;
    case 'count':
      return <>{typeof value === 'number' ? formatNumber(value) : asText(value)}</>;
    case 'village':
    case 'figure':
    case 'worshipPlace':
      return <>{nameOf(registryOf[format], asText(value)) ?? t('logbooks:value.unknownEntry')}</>;
    case 'materials':
      return (
        <Lines
          items={(value as MaterialUse[]).map((use, index) => (
            <MaterialText key={index} use={use} />
          ))}
        />
      );
    case 'material':
      return <MaterialText use={value as MaterialUse} />;
    case 'languages':
      return <>{(value as string[]).map((tag) => languageName(t, tag)).join(', ')}</>;
    case 'language':
      return <>{languageName(t, asText(value))}</>;
    case 'source':
    case 'priority':
    case 'rumourStatus':
      return <>{choiceLabel(t, format, asText(value))}</>;
    case 'channels':
      return <>{(value as string[]).map((channel) => choiceLabel(t, format, channel)).join(', ')}</>;
    case 'lines':
      return (
        <Lines
          items={(value as string[]).map((line, index) => (
            <span key={index}>{line}</span>
          ))}
        />
      );
    case 'ethnicities':
      return (
        <Lines
          items={(value as { ethnicity: string; count: number }[]).map((each, index) => (
            <span key={index}>{`${each.ethnicity}: ${formatNumber(each.count)}`}</span>
          ))}
        />
      );
    case 'longText':
      return <span className="value-long">{asText(value)}</span>;
    case 'text':
      return <>{asText(value)}</>;
  }
}

/** A value the record holds as text (or a number); anything else as the core wrote it. */
const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);

const registryOf = { village: 'villages', figure: 'figures', worshipPlace: 'places' } as const;

// The core checked each value against the lists the keys are written for.
function choiceLabel(t: T, format: 'source' | 'priority' | 'rumourStatus' | 'channels', value: string): string {
  switch (format) {
    case 'source':
      return t(`logbooks:source.${value as BroadcastSource}`);
    case 'priority':
      return t(`logbooks:priority.${value as BulletinPriority}`);
    case 'rumourStatus':
      return t(`logbooks:rumourStatus.${value as RumourStatus}`);
    case 'channels':
      return t(`logbooks:channel.${value as SpreadChannel}`);
  }
}

function Lines({ items }: { items: readonly ReactNode[] }) {
  return (
    <ul className="value-lines">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** A material from a pack links to it in the library; a live reading is said to be one. */
export function MaterialText({ use }: { use: MaterialUse }) {
  const t = useT();
  if (use.source === 'free') {
    return (
      <span>
        {use.text} <span className="value-note">({t('logbooks:material.free')})</span>
      </span>
    );
  }
  const slash = use.materialId.indexOf('/');
  const href = libraryHref({ view: 'material', packId: use.materialId.slice(0, slash), itemId: use.materialId.slice(slash + 1) });
  return (
    <span>
      <a href={href}>{use.title}</a>
      {use.language && <span className="value-note"> ({languageName(t, use.language)})</span>}
    </span>
  );
}
