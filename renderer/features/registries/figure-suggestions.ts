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
