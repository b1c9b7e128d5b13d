/** What presentation mode shows: a session plan, or one material. */
export type PresentTarget = { readonly kind: 'plan'; readonly planId: string } | { readonly kind: 'material'; readonly materialId: string };

/** `#/present/<plan id>` or `#/present/material/<pack id>/<item id>`; anything else is not presenting. */
export function presentTargetFromHash(hash: string): PresentTarget | undefined {
  const path = hash.replace(/^#\/?/, '');
  if (!path.startsWith('present/')) return undefined;
  const rest = path
    .slice('present/'.length)
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });
  if (rest[0] === 'material' && rest[1] && rest[2]) return { kind: 'material', materialId: `${rest[1]}/${rest[2]}` };
  return rest[0] && rest.length === 1 ? { kind: 'plan', planId: rest[0] } : undefined;
}

/** The address that presents a target; `presentTargetFromHash` reads it back. */
export function presentHref(target: PresentTarget): string {
  if (target.kind === 'plan') return `#/present/${encodeURIComponent(target.planId)}`;
  const slash = target.materialId.indexOf('/');
  const [packId, itemId] = [target.materialId.slice(0, slash), target.materialId.slice(slash + 1)];
  return `#/present/material/${encodeURIComponent(packId)}/${encodeURIComponent(itemId)}`;
}
