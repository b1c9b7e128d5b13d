import type { FigureData, PlaceData, VillageData } from '../../../electron/core/contract';

/**
 * The registries' fixed choices, mirrored from the contract (the renderer may import only
 * its types). Each list must name every value of its type once: a value added to the
 * contract and missing here fails to compile.
 */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}

export type VillageType = VillageData['type'];
export type FigureCategory = FigureData['categories'][number];
export type Sex = FigureData['sex'];
export type ConsentMethod = FigureData['consent']['method'];
export type Religion = PlaceData['religion'];

export const villageTypes = allOf<VillageType>()(['buon', 'thon', 'toDanPho', 'other']);
export const sexes = allOf<Sex>()(['male', 'female', 'other']);
export const consentMethods = allOf<ConsentMethod>()(['written', 'verbal']);
export const religions = allOf<Religion>()(['buddhism', 'catholicism', 'protestantism', 'caoDai', 'hoaHao', 'islam', 'other']);
/** The national list of respected community figures' categories, in its order. */
export const figureCategories = allOf<FigureCategory>()([
  'villageElder',
  'villageHead',
  'clanHead',
  'religiousDignitary',
  'shaman',
  'retiredOfficial',
  'artisan',
  'goodProducer',
  'teacherOrIntellectual',
  'other',
]);

/** The languages a figure may speak, as the packs name them: Vietnamese, Ê Đê, J'rai, M'nông. */
export const figureLanguages = ['vi', 'rad', 'jra', 'cmo'] as const;

/**
 * Suggestions for the ethnicity field, by their official names in the list of Vietnam's 54
 * ethnic groups (the province's most common first). Stored as written, so any other name
 * may be typed.
 */
export const ethnicitySuggestions = [
  'Ê Đê',
  'Gia Rai',
  "M'Nông",
  'Kinh',
  'Tày',
  'Nùng',
  'Thái',
  'Mường',
  'Dao',
  'Mông',
  'Xơ Đăng',
  'Ba Na',
  'Sán Chay',
  'Chăm',
  'Hoa',
];
