// The one contract between the UI and the core. Each feature owns a slice; the renderer
// sees only the types below, the core validates every input against the schemas.
import type { z } from 'zod';
import { appInfoContract } from './app-info';
import { joinContract } from './define';
import { settingsContract } from './settings';
import { packsContract } from './packs';
import { syncContract } from './sync';
import { libraryContract } from './library';
import { plansContract } from './plans';
import { logbooksContract } from './logbooks';
import { registriesContract } from './registries';
import { profilesContract } from './profiles';
import type { ApiEvent } from './events';
import type { Result } from './api-error';

export const contract = joinContract(
  appInfoContract,
  settingsContract,
  packsContract,
  syncContract,
  libraryContract,
  plansContract,
  logbooksContract,
  registriesContract,
  profilesContract,
);

export type Contract = typeof contract;
export type MethodName = Extract<keyof Contract, string>;
/** What a caller passes (before schema defaults apply). */
export type ApiInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ValidInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends MethodName> = z.output<Contract[M]['result']>;

/**
 * A way to reach the core: IPC in Electron, HTTP in a browser. Untyped on purpose, since
 * it only carries; the client above it restores the types.
 */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** Hands a file the person chose (picked or dropped) to the core; returns its upload id. */
  upload(file: TransferFile): Promise<Result<{ uploadId: string }>>;
  /** Hands a file the core prepared (an exported pack) back to the person, who says where to keep it. */
  download(downloadId: string, fileName: string): Promise<Result<{ saved: boolean }>>;
  /** Where a viewer loads a file of an installed pack from (with byte ranges). */
  materialUrl(packId: string, path: string): string;
  /** The screens a presentation can go to (a projector); only the desktop app knows them. */
  screens(): Promise<readonly ScreenChoice[]>;
  /** Moves the window to that screen for presenting; null brings it back. */
  presentOn(screenId: number | null): Promise<boolean>;
}

export interface ScreenChoice {
  readonly id: number;
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly primary: boolean;
  /** The screen the window is on now. */
  readonly current: boolean;
}

/** A file chosen in the page: a DOM File, described here without the DOM. */
export interface TransferFile {
  readonly name: string;
  readonly size: number;
}

/** Largest file the host accepts as one upload. */
export const maxUploadBytes = 8 * 1024 ** 3;

/** Largest input, as UTF-8 JSON, that any transport accepts for one call. */
export const maxInputBytes = 1024 * 1024;

export type { ApiError, ErrorCode, Result } from './api-error';
export type { ApiEvent, EventName, EventPayload } from './events';
export type { AppInfo, Notice } from './app-info';
export type { Settings, SettingsPatch } from './settings';
export type { PackSummary, TrustedRootSummary } from './packs';
export type { AvailablePack, SyncCheck, SyncRunResult } from './sync';
export type { ListedMaterial, Material, MaterialPack, SearchHit } from './library';
export type { SessionPlan } from './plans';
export type { DraftData, LogbookKind, LogRecord, MaterialUse, RecordStatus, Revision } from './logbooks';
export type { RegistryEntry, RegistryName, ImportProblem, VillageData, FigureData, PlaceData } from './registries';
export type { Profile, Session } from './profiles';
