import { describe, expect, it } from 'vitest';
import { presentHref, presentTargetFromHash, type PresentTarget } from '../../../renderer/features/present/present-route';
import { libraryHref, materialHref, parseLibraryRoute, type LibraryRoute } from '../../../renderer/features/library/library-route';

describe('library routes in the URL fragment', () => {
  it.each([
    ['#/library', { view: 'browse' }],
    ['#/library/', { view: 'browse' }],
    ['', { view: 'browse' }],
    ['#/sync', { view: 'browse' }],
    ['#/library/plans', { view: 'plans' }],
    ['#/library/plans/ab12', { view: 'plan', planId: 'ab12' }],
    ['#/library/vn.chieng.demo.covid19/thong-diep-5k', { view: 'material', packId: 'vn.chieng.demo.covid19', itemId: 'thong-diep-5k' }],
    // A lone pack id is not a material: the list is shown.
    ['#/library/vn.chieng.demo.covid19', { view: 'browse' }],
    // A broken escape is taken as it is rather than failing.
    ['#/library/plans/%E0%A4%A', { view: 'plan', planId: '%E0%A4%A' }],
  ] as const)('%s is %o', (hash, route) => {
    expect(parseLibraryRoute(hash)).toEqual(route);
  });

  it('round-trips every view, escaping what needs it', () => {
    const routes: LibraryRoute[] = [
      { view: 'browse' },
      { view: 'plans' },
      { view: 'plan', planId: 'a/b c' },
      { view: 'material', packId: 'vn.daklak.health', itemId: 'tin-gia' },
    ];
    for (const route of routes) expect(parseLibraryRoute(libraryHref(route))).toEqual(route);
    expect(libraryHref({ view: 'browse' })).toBe('#/library');
    expect(materialHref({ packId: 'vn.a.b', itemId: 'x' })).toBe('#/library/vn.a.b/x');
  });
});

describe('presentation routes', () => {
  it('round-trip a plan and a single material, escaping what needs it', () => {
    const targets: PresentTarget[] = [
      { kind: 'plan', planId: 'ab 12' },
      { kind: 'material', materialId: 'vn.chieng.demo.covid19/thong điệp' },
    ];
    for (const target of targets) expect(presentTargetFromHash(presentHref(target))).toEqual(target);
    expect(presentHref({ kind: 'plan', planId: 'ab 12' })).toBe('#/present/ab%2012');
    expect(presentTargetFromHash('#/library/plans')).toBeUndefined();
  });
});
