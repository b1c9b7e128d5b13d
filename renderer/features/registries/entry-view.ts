import type { FigureData, PlaceData, RegistryEntry, RegistryName, VillageData } from '../../../electron/core/contract';
import type { useT } from '../../i18n/use-t';
import { formatNumber } from '../../i18n/format';
import { entryName } from '../../../shared/registry-entry';

type Translate = ReturnType<typeof useT>;

// The core validated every entry against the contract's schema before keeping it.
export const villageData = (entry: RegistryEntry) => entry.data as VillageData;
export const figureData = (entry: RegistryEntry) => entry.data as FigureData;
export const placeData = (entry: RegistryEntry) => entry.data as PlaceData;

export interface ListColumn {
  readonly key: string;
  readonly heading: string;
  readonly cell: (entry: RegistryEntry) => string;
}

/** What each registry's list shows after the name: the facts a person scans for. */
export function listColumns(registry: RegistryName, t: Translate, villageName: (id: string | undefined) => string): readonly ListColumn[] {
  switch (registry) {
    case 'villages':
      return [
        {
          key: 'type',
          heading: t('registries:field.villages.type'),
          cell: (entry) => t(`registries:villageType.${villageData(entry).type}`),
        },
        {
          key: 'households',
          heading: t('registries:field.villages.households'),
          cell: (entry) => optionalNumber(villageData(entry).households),
        },
        {
          key: 'clusters',
          heading: t('registries:field.villages.loudspeakerClusters'),
          cell: (entry) => (villageData(entry).loudspeakerClusters ?? []).join('; '),
        },
        { key: 'formerDistrict', heading: t('registries:list.formerDistrict'), cell: (entry) => villageData(entry).formerDistrict ?? '' },
      ];
    case 'figures':
      return [
        {
          key: 'categories',
          heading: t('registries:field.figures.categories'),
          cell: (entry) =>
            figureData(entry)
              .categories.map((each) => t(`registries:category.${each}`))
              .join(', '),
        },
        { key: 'village', heading: t('registries:field.figures.villageId'), cell: (entry) => villageName(figureData(entry).villageId) },
        {
          key: 'languages',
          heading: t('registries:field.figures.languages'),
          cell: (entry) =>
            figureData(entry)
              .languages.map((tag) => languageLabel(t, tag))
              .join(', '),
        },
        {
          key: 'consent',
          heading: t('registries:list.consent'),
          cell: (entry) => t(figureData(entry).consent.given ? 'registries:list.consentGiven' : 'registries:list.consentRefused'),
        },
      ];
    case 'places':
      return [
        {
          key: 'religion',
          heading: t('registries:field.places.religion'),
          cell: (entry) =>
            [t(`registries:religion.${placeData(entry).religion}`), placeData(entry).denomination].filter(Boolean).join(' · '),
        },
        { key: 'organisation', heading: t('registries:field.places.organisation'), cell: (entry) => placeData(entry).organisation ?? '' },
        { key: 'village', heading: t('registries:field.places.villageId'), cell: (entry) => villageName(placeData(entry).villageId) },
        {
          key: 'dignitaries',
          heading: t('registries:field.places.dignitaries'),
          cell: (entry) =>
            placeData(entry)
              .dignitaries.map((person) => person.name)
              .join(', '),
        },
      ];
  }
}

/** Everything written in an entry, for the search: what the list shows and what it does not (notes, phone, ethnicity). */
export function searchText(entry: RegistryEntry, columns: readonly ListColumn[]): string {
  const written = Object.values(entry.data).flatMap((value) => (typeof value === 'string' ? [value] : []));
  return [entryName(entry), ...columns.map((column) => column.cell(entry)), ...written].join(' ');
}

const knownLanguages = ['vi', 'en', 'rad', 'jra', 'cmo', 'mng'] as const;

/** A language tag by its name, or as it is when the app has no name for it. */
export function languageLabel(t: Translate, tag: string): string {
  return (knownLanguages as readonly string[]).includes(tag) ? t(`packs:language.${tag as (typeof knownLanguages)[number]}`) : tag;
}

const optionalNumber = (value: number | undefined) => (value === undefined ? '' : formatNumber(value));
