import { consentMethods, figureCategories, religions, sexes, villageTypes, type RegistryName } from '../../../shared/registry-choices';

/** How one CSV column maps onto an entry's data, and back. */
export type Column =
  | { readonly path: readonly string[]; readonly type: 'text' | 'int' | 'list' | 'yesNo' | 'village' | 'dignitaries' | 'languages' }
  | { readonly path: readonly string[]; readonly type: 'enum' | 'enumList'; readonly labels: string; readonly values: readonly string[] };

/**
 * The columns of each registry's CSV, in the order a person reads them. The headings are
 * the UI's field labels (`registries:field.<registry>.<path>`), so an exported file reads
 * in the user's language and imports again unchanged.
 */
export const registryColumns: Record<RegistryName, readonly Column[]> = {
  villages: [
    { path: ['name'], type: 'text' },
    { path: ['type'], type: 'enum', labels: 'villageType', values: villageTypes },
    { path: ['households'], type: 'int' },
    { path: ['loudspeakerClusters'], type: 'list' },
    { path: ['formerDistrict'], type: 'text' },
    { path: ['notes'], type: 'text' },
  ],
  figures: [
    { path: ['fullName'], type: 'text' },
    { path: ['sex'], type: 'enum', labels: 'sex', values: sexes },
    { path: ['birthYear'], type: 'int' },
    { path: ['categories'], type: 'enumList', labels: 'category', values: figureCategories },
    { path: ['categoryOther'], type: 'text' },
    { path: ['villageId'], type: 'village' },
    { path: ['languages'], type: 'languages' },
    { path: ['consent', 'given'], type: 'yesNo' },
    { path: ['consent', 'date'], type: 'text' },
    { path: ['consent', 'method'], type: 'enum', labels: 'consentMethod', values: consentMethods },
    { path: ['consent', 'recordedBy'], type: 'text' },
    { path: ['consent', 'note'], type: 'text' },
    { path: ['ethnicity'], type: 'text' },
    { path: ['religion'], type: 'text' },
    { path: ['phone'], type: 'text' },
  ],
  places: [
    { path: ['name'], type: 'text' },
    { path: ['religion'], type: 'enum', labels: 'religion', values: religions },
    { path: ['denomination'], type: 'text' },
    { path: ['organisation'], type: 'text' },
    { path: ['villageId'], type: 'village' },
    { path: ['address'], type: 'text' },
    { path: ['dignitaries'], type: 'dignitaries' },
    { path: ['notes'], type: 'text' },
  ],
};

/** Items of a list inside one cell: "Cụm 1; Cụm 2". */
export const listSeparator = ';';
