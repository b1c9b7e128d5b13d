import { useEffect, useState } from 'react';
import type { ApiError, Material, MaterialPack, Result } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import type { ApiClient } from '../../api/client';
import type { PresentTarget } from './present-route';
import { slidesFor, type Slide } from './slides';

export interface Presentation {
  readonly title: string;
  readonly slides: readonly Slide[];
  /** Languages the materials come in, for the presenter to choose from. */
  readonly languages: readonly string[];
}

export type PresentationState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ApiError | 'notFound' }
  | { readonly status: 'ready'; readonly presentation: Presentation };

interface WholeMaterial {
  readonly material: Material;
  readonly pack: MaterialPack;
}

/** The slides of a plan or a material, in the presenter's language, built offline from the packs. */
export function usePresentation(target: PresentTarget, language: string): PresentationState {
  const { client } = useApi();
  // The answer is kept with what it answers: a new plan or language shows "loading" at once.
  const key = `${JSON.stringify(target)}|${language}`;
  const [answer, setAnswer] = useState<{ key: string; state: PresentationState } | undefined>();

  useEffect(() => {
    let cancelled = false;
    const ready = async (title: string, chosen: readonly WholeMaterial[]): Promise<PresentationState> => {
      const slides: Slide[] = [];
      for (const { material, pack } of chosen)
        slides.push(...(await slidesFor(material, pack, { materialUrl: (packId, path) => client.materialUrl(packId, path), language })));
      const languages = [...new Set(chosen.flatMap(({ material }) => material.languages))];
      return { status: 'ready', presentation: { title, slides, languages } };
    };
    const load = async (): Promise<PresentationState> => {
      if (target.kind === 'material') {
        const found = await wholeMaterials(client, [target.materialId]);
        if (!found.ok) return { status: 'failed', error: found.error };
        const [first] = found.value;
        if (!first) return { status: 'failed', error: 'notFound' };
        return ready(first.material.title.vi ?? Object.values(first.material.title)[0] ?? first.material.id, found.value);
      }
      const plans = await client.call('plans.list', {});
      if (!plans.ok) return { status: 'failed', error: plans.error };
      const plan = plans.value.plans.find((each) => each.id === target.planId);
      if (!plan) return { status: 'failed', error: 'notFound' };
      const found = await wholeMaterials(client, plan.materials);
      return found.ok ? ready(plan.title, found.value) : { status: 'failed', error: found.error };
    };
    void load().then((state) => cancelled || setAnswer({ key, state }));
    return () => {
      cancelled = true;
    };
  }, [client, target, language, key]);

  return answer?.key === key ? answer.state : { status: 'loading' };
}

/**
 * The materials to show, whole (their files), in the order given; only these are asked of the
 * core, not the whole library. One no longer installed is left out, as a plan may outlive a pack.
 */
async function wholeMaterials(client: ApiClient, ids: readonly string[]): Promise<Result<WholeMaterial[]>> {
  const unique = [...new Set(ids)];
  const answers = await Promise.all(unique.map((id) => client.call('library.material', { id })));
  const found = new Map<string, WholeMaterial>();
  for (const answer of answers) {
    if (answer.ok) found.set(answer.value.material.id, answer.value);
    else if (answer.error.code !== 'not_found') return { ok: false, error: answer.error };
  }
  return { ok: true, value: ids.flatMap((id) => found.get(id) ?? []) };
}
