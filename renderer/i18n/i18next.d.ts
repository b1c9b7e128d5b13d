import type { resources } from '../../locales';

// Makes every t('ns:key') call type-checked against the Vietnamese texts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['vi'];
  }
}
