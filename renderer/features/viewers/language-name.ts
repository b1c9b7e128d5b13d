import { useT } from '../../i18n/use-t';

const named = ['vi', 'en', 'rad', 'jra', 'cmo', 'mng'] as const;

/** A material language's name as people say it ("Ê Đê", "J'rai"); an unknown tag as itself. */
export function useLanguageName(): (tag: string | undefined) => string {
  const t = useT();
  return (tag) => {
    if (tag === undefined) return t('viewer:language.unknown');
    return (named as readonly string[]).includes(tag) ? t(`packs:language.${tag as (typeof named)[number]}`) : tag;
  };
}
