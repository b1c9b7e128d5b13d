import { useEffect, useState } from 'react';
import type { ApiError, Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import type { PresentTarget } from './present-route';
import { slidesFor, type Slide } from './slides';

export interface Presentation {
  readonly title: string;
  readonly slides: readonly Slide[];
  /** Languages the materials come in, for the presenter to choose from. */
  readonly languages: readonly string[];
}

export type PresentationState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: ApiError | 'notFound' } | { readonly status: 'ready'; readonly presentation: Presentation };

/** The slides of a plan or a material, in the presenter's language, built offline from the packs. */
export function usePresentation(target: PresentTarget, language: string): PresentationState {
  const { client } = useApi();
  // The answer is kept with what it answers: a new plan or language shows "loading" at once.
  const key = `${JSON.stringify(target)}|${language}`;
  const [answer, setAnswer] = useState<{ key: string; state: PresentationState } | undefined>();

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<PresentationState> => {
      const library = await client.call('library.list', {});
      if (!library.ok) return { status: 'failed', error: library.error };
      const byId = new Map(library.value.materials.map((material) => [material.id, material]));
      const packs = new Map(library.value.packs.map((pack) => [pack.id, pack]));
      let title: string;
      let ids: string[];
      if (target.kind === 'plan') {
        const plans = await client.call('plans.list', {});
        if (!plans.ok) return { status: 'failed', error: plans.error };
        const plan = plans.value.plans.find((each) => each.id === target.planId);
        if (!plan) return { status: 'failed', error: 'notFound' };
        title = plan.title;
        ids = plan.materials;
      } else {
        const material = byId.get(target.materialId);
        if (!material) return { status: 'failed', error: 'notFound' };
        title = material.title.vi ?? Object.values(material.title)[0] ?? material.id;
        ids = [material.id];
      }
      const chosen = ids.map((id) => byId.get(id)).filter((material): material is Material => material !== undefined);
      const slides: Slide[] = [];
      for (const material of chosen) {
        const pack = packs.get(material.packId);
        if (pack) slides.push(...(await slidesFor(material, pack, { materialUrl: (packId, path) => client.materialUrl(packId, path), language })));
      }
      const languages = [...new Set(chosen.flatMap((material) => material.languages))];
      return { status: 'ready', presentation: { title, slides, languages } };
    };
    void load().then((state) => cancelled || setAnswer({ key, state }));
    return () => {
      cancelled = true;
    };
  }, [client, target, language, key]);

  return answer?.key === key ? answer.state : { status: 'loading' };
}
