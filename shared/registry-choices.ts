// The fixed choices of the commune's registries, in the order the forms offer them: the
// contract's schemas are built from them, and the forms list them.

export const registryNames = ['villages', 'figures', 'places'] as const;
export type RegistryName = (typeof registryNames)[number];

/** Buôn (an ethnic minority village), thôn, tổ dân phố. */
export const villageTypes = ['buon', 'thon', 'toDanPho', 'other'] as const;
export type VillageType = (typeof villageTypes)[number];

/** The national list of respected community figures' categories, in its order. */
export const figureCategories = [
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
] as const;
export type FigureCategory = (typeof figureCategories)[number];

export const sexes = ['male', 'female', 'other'] as const;
export type Sex = (typeof sexes)[number];

export const consentMethods = ['written', 'verbal'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const religions = ['buddhism', 'catholicism', 'protestantism', 'caoDai', 'hoaHao', 'islam', 'other'] as const;
export type Religion = (typeof religions)[number];
