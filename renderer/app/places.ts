import { BookOpen, BookUser, ChartColumn, Megaphone, Printer, RefreshCw, Settings, Users, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import { LibraryPage } from '../features/library/LibraryPage';
import { LeafletsPage, LoudspeakerPage, OutreachPage } from '../features/logbooks/LogbookPage';
import { RegistriesPage } from '../features/registries/RegistriesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';

export const placeIds = ['library', 'loudspeaker', 'outreach', 'leaflets', 'registries', 'reports', 'sync', 'settings'] as const;
export type PlaceId = (typeof placeIds)[number];

export interface Place {
  readonly id: PlaceId;
  readonly icon: LucideIcon;
  /** The page, once the capability exists; until then the shell says plainly that it does not. */
  readonly Page?: ComponentType;
}

export const places: readonly Place[] = [
  { id: 'library', icon: BookOpen, Page: LibraryPage },
  { id: 'loudspeaker', icon: Megaphone, Page: LoudspeakerPage },
  { id: 'outreach', icon: Users, Page: OutreachPage },
  { id: 'leaflets', icon: Printer, Page: LeafletsPage },
  { id: 'registries', icon: BookUser, Page: RegistriesPage },
  { id: 'reports', icon: ChartColumn },
  { id: 'sync', icon: RefreshCw, Page: SyncPage },
  { id: 'settings', icon: Settings, Page: SettingsPage },
];

export const isPlaceId = (value: string): value is PlaceId => (placeIds as readonly string[]).includes(value);
