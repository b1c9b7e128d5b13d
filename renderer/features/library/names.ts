import type { Material } from '../../../electron/core/contract';
import type { useT } from '../../i18n/use-t';

type T = ReturnType<typeof useT>;

const knownLanguages = ['vi', 'rad', 'jra', 'cmo', 'mng', 'en'] as const;
const knownTopics = ['covid19', '5k', 'tiem-chung', 'xet-nghiem', 'tin-gia', 'chi-thi', 'nhan-quyen'] as const;

export const kinds: readonly Material['kind'][] = ['article', 'image', 'audio', 'video', 'pdf', 'leaflet'];

const isOneOf = <V extends string>(list: readonly V[], value: string): value is V => (list as readonly string[]).includes(value);

/** A material language by name (Ê Đê, J'rai, M'nông, …); an unknown tag as it is. */
export function languageName(t: T, tag: string): string {
  return isOneOf(knownLanguages, tag) ? t(`library:language.${tag}`) : tag;
}

export function kindName(t: T, kind: Material['kind']): string {
  return t(`library:kind.${kind}`);
}

/** A topic by name; a topic a pack brings that we have no name for is shown from its slug. */
export function topicName(t: T, topic: string): string {
  if (isOneOf(knownTopics, topic)) return t(`library:topic.${topic}`);
  const words = topic.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
