import { useTranslation } from 'react-i18next';
import { namespaces } from '../../locales';

/** The translate function for every namespace, keys written as `ns:key` and type-checked. */
export function useT() {
  return useTranslation(namespaces).t;
}
