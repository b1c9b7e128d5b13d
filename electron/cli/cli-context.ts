import type { UiLanguage } from '../../locales';
import type { Translate } from '../core/i18n/translator';

/** What a command needs from the outside world; tests pass their own. */
export interface CliContext {
  readonly t: Translate;
  readonly language: UiLanguage;
  readonly env: NodeJS.ProcessEnv;
  readonly version: string;
  /** The built renderer that `serve` hands to browsers. */
  readonly rendererDir: string;
  /** The app's resources (built-in trust roots, fonts). */
  readonly resourcesDir: string;
  /** Packs shipped with the app, installed into a data folder on first use. */
  readonly embeddedPacksDir: string;
  out(line: string): void;
  /** Writes bytes as they are (a CSV export to stdout), resolving once they are handed over. */
  writeRaw(data: Uint8Array): Promise<void>;
  err(line: string): void;
  /** Resolves when the user asks the process to stop (Ctrl+C, SIGTERM). */
  untilStopped(): Promise<void>;
}

/** A failure the user should read: one line, in their language, and an exit code. */
export class CliFailure extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}
