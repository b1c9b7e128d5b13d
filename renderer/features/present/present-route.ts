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

export const hrefForPlan = (planId: string) => `#/present/${encodeURIComponent(planId)}`;
export const hrefForMaterial = (packId: string, itemId: string) =>
  `#/present/material/${encodeURIComponent(packId)}/${encodeURIComponent(itemId)}`;
