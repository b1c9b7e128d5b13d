import type { LogbookKind, LogRecord, MaterialUse } from '../../../electron/core/contract';
import { formatNumber } from '../../i18n/format';
import type { useT } from '../../i18n/use-t';
import type { RegistryNameOf } from './use-registry-names';

type T = ReturnType<typeof useT>;

const materialName = (use: MaterialUse) => (use.source === 'pack' ? use.title : use.text);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What a row in the list says a record is about, for a person scanning the month. */
export function recordTitle(kind: LogbookKind, data: LogRecord['data'], nameOf: RegistryNameOf, t: T): string {
  switch (kind) {
    case 'loudspeaker':
      return ((data['materials'] as MaterialUse[] | undefined) ?? []).map(materialName).join('; ');
    case 'figureOutreach': {
      const figure = text(data['figureId']) && (nameOf('figures', text(data['figureId'])) ?? t('logbooks:value.unknownEntry'));
      return [figure, ...((data['topics'] as string[] | undefined) ?? [])].filter(Boolean).join(' · ');
    }
    case 'worshipOutreach': {
      const place = text(data['placeId']) && (nameOf('places', text(data['placeId'])) ?? t('logbooks:value.unknownEntry'));
      return [place, text(data['conveyed'])].filter(Boolean).join(' · ');
    }
    case 'rumour':
      return text(data['content']);
    case 'leafletHandout': {
      const leaflet = data['leaflet'] as MaterialUse | undefined;
      const copies =
        typeof data['copies'] === 'number'
          ? t('logbooks:list.copies', { count: data['copies'], number: formatNumber(data['copies']) })
          : '';
      // The count first, so a long leaflet title never hides it.
      return [copies, leaflet ? materialName(leaflet) : ''].filter(Boolean).join(' · ');
    }
  }
}

/** Where it happened: the village's name, the place in words, the loudspeaker cluster. */
export function recordWhere(data: LogRecord['data'], nameOf: RegistryNameOf, t: T): string {
  const village = text(data['villageId']) && (nameOf('villages', text(data['villageId'])) ?? t('logbooks:value.unknownEntry'));
  return [village, text(data['place']), text(data['cluster'])].filter(Boolean).join(' · ');
}
