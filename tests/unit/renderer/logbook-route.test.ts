import { describe, expect, it } from 'vitest';
import { logbookHref, parseLogbookRoute, type LogbookRoute } from '../../../renderer/features/logbooks/logbook-route';

describe('logbook routes in the URL fragment', () => {
  it.each([
    ['loudspeaker', '#/loudspeaker', { place: 'loudspeaker', kind: 'loudspeaker', view: 'list' }],
    ['loudspeaker', '#/loudspeaker/new', { place: 'loudspeaker', kind: 'loudspeaker', view: 'new' }],
    [
      'loudspeaker',
      '#/loudspeaker/2026-11/01ABC',
      { place: 'loudspeaker', kind: 'loudspeaker', view: 'record', month: '2026-11', id: '01ABC' },
    ],
    [
      'loudspeaker',
      '#/loudspeaker/2026-11/01ABC/edit',
      { place: 'loudspeaker', kind: 'loudspeaker', view: 'edit', month: '2026-11', id: '01ABC' },
    ],
    // A place of several logbooks opens on its first; a kind it does not hold is not taken.
    ['outreach', '#/outreach', { place: 'outreach', kind: 'figureOutreach', view: 'list' }],
    ['outreach', '#/outreach/rumour/new', { place: 'outreach', kind: 'rumour', view: 'new' }],
    ['outreach', '#/outreach/loudspeaker/new', { place: 'outreach', kind: 'figureOutreach', view: 'list' }],
    // Not a month, or a record without its id: the list.
    ['leaflets', '#/leaflets/november/01ABC', { place: 'leaflets', kind: 'leafletHandout', view: 'list' }],
    ['leaflets', '#/leaflets/2026-11', { place: 'leaflets', kind: 'leafletHandout', view: 'list' }],
  ] as const)('in %s, %s is %o', (place, hash, route) => {
    expect(parseLogbookRoute(place, hash)).toEqual(route);
  });

  it('round-trips every view, naming the kind only where the place holds several', () => {
    const routes: LogbookRoute[] = [
      { place: 'loudspeaker', kind: 'loudspeaker', view: 'list' },
      { place: 'outreach', kind: 'worshipOutreach', view: 'new' },
      { place: 'outreach', kind: 'rumour', view: 'record', month: '2026-02', id: '01J/x y' },
      { place: 'leaflets', kind: 'leafletHandout', view: 'edit', month: '2025-12', id: '01K' },
    ];
    for (const route of routes) expect(parseLogbookRoute(route.place, logbookHref(route))).toEqual(route);
    expect(logbookHref({ place: 'loudspeaker', kind: 'loudspeaker', view: 'new' })).toBe('#/loudspeaker/new');
    expect(logbookHref({ place: 'outreach', kind: 'rumour', view: 'list' })).toBe('#/outreach/rumour');
  });
});
