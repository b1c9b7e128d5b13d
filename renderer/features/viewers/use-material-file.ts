import { useEffect, useState } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import type { NoticeReason } from './FileNotice';
import { useFileCheck } from './use-file-check';
import type { MaterialFile } from './variants';

export type FileText =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly text: string }
  | { readonly state: 'problem'; readonly reason: NoticeReason };

interface Loaded {
  readonly url: string;
  readonly result: FileText;
}

/**
 * A text file of a material (an article, a leaflet template), fetched from its material URL.
 * A 404 or 410 (or any failure) asks the core which it is: missing, or not matching its
 * signature. Files above `maxBytes` (by the signed size) are not fetched at all.
 */
export function useMaterialText(material: Material, file: MaterialFile, maxBytes: number): FileText {
  const { client } = useApi();
  const check = useFileCheck(material.id);
  const url = client.materialUrl(material.packId, file.path);
  const tooLarge = file.size > maxBytes;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (tooLarge) return;
    const abort = new AbortController();
    const settle = (result: FileText) => {
      if (!abort.signal.aborted) setLoaded({ url, result });
    };
    const failed = () =>
      check(file.path).then((reason) => settle({ state: 'problem', reason: reason === 'unsupported' ? 'unreadable' : reason }));
    fetch(url, { signal: abort.signal, cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) return failed();
        settle({ state: 'ready', text: await response.text() });
      })
      .catch(() => (abort.signal.aborted ? undefined : failed()));
    return () => abort.abort();
  }, [url, file.path, check, tooLarge]);

  if (tooLarge) return { state: 'problem', reason: 'tooLarge' };
  return loaded?.url === url ? loaded.result : { state: 'loading' };
}
