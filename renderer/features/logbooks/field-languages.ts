/** The commune's languages, offered as checkboxes; any other is typed as its code. */
export const fieldLanguages = ['vi', 'rad', 'jra', 'cmo', 'mng'] as const;
export type FieldLanguage = (typeof fieldLanguages)[number];
export const isFieldLanguage = (tag: string): tag is FieldLanguage => (fieldLanguages as readonly string[]).includes(tag);
