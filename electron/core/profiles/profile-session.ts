import { Failure } from '../failure';
import type { Access } from '../contract/define';
import type { Session } from '../contract/profiles';
import type { Gate } from '../api/dispatcher';
import { hashPin, pinMatches } from './pin-hash';
import type { ProfileStore, StoredProfile } from './profile-store';

/** Who wrote a record: the profile, and its name at the time. */
export interface Author {
  readonly profileId: string;
  readonly name: string;
}

const maxFailedAttempts = 5;
const lockoutMs = 30_000;

/**
 * Who is working now, and whether the app is locked. The lock lives here, in the core, so
 * that no caller (a page, the HTTP host, the CLI) can read or write while it is on.
 */
export class ProfileSession implements Gate {
  readonly #store: ProfileStore;
  readonly #clock: () => Date;
  #locked: boolean;
  /** Who works now without it being remembered (one CLI command run as someone). */
  #chosenForNow: string | undefined;
  #failures = 0;
  #lockedOutUntil = 0;

  constructor(store: ProfileStore, clock: () => Date = () => new Date()) {
    this.#store = store;
    this.#clock = clock;
    // Starting the app is like coming back after idle: a PIN is asked for.
    this.#locked = this.#active()?.pin !== undefined;
  }

  get deviceId(): string {
    return this.#store.deviceId;
  }

  session(): Session {
    const { profiles, activeId, idleLockMinutes } = this.#store.data;
    return {
      profiles: profiles.map(({ id, name, createdAt, pin }) => ({ id, name, createdAt, hasPin: pin !== undefined })),
      activeId: this.#chosenForNow ?? activeId,
      locked: this.#locked,
      idleLockMinutes,
      deviceId: this.#store.deviceId,
    };
  }

  /**
   * The lock, as the dispatcher applies it to every call by its method's access rule:
   * nothing but what the lock screen needs while locked, and an author for what is saved
   * under someone's name.
   */
  admit(access: Access): Author | undefined {
    if (access === 'open') return undefined;
    if (this.#locked) throw new Failure('forbidden', 'profiles:locked');
    if (access === 'unlocked') return undefined;
    const active = this.#active();
    if (!active) throw new Failure('refused', 'profiles:noneActive');
    return { profileId: active.id, name: active.name };
  }

  async save(input: {
    id?: string | undefined;
    name: string;
    pin?: string | null | undefined;
    currentPin?: string | undefined;
  }): Promise<Session> {
    if (input.id === undefined) {
      const added = await this.#store.add(input.name, input.pin ? await hashPin(input.pin) : undefined, this.#clock());
      if (this.#store.data.activeId === null) await this.#store.setActive(added.id);
      return this.session();
    }
    const profile = this.#find(input.id);
    // A profile is changed by its own person: whoever works now, or whoever gives its PIN.
    // Changing a PIN always asks for the current one, so an unattended laptop cannot.
    const someoneElse = profile.id !== this.#active()?.id;
    if (profile.pin && (someoneElse || input.pin !== undefined)) await this.#checkPin(profile, input.currentPin, 'currentPin');
    await this.#store.update(profile.id, {
      name: input.name,
      ...(input.pin === undefined ? {} : { pin: input.pin === null ? null : await hashPin(input.pin) }),
    });
    return this.session();
  }

  /** Starts working as this person; `remember: false` leaves the laptop's choice as it was. */
  async activate(id: string, pin: string | undefined, remember = true): Promise<Session> {
    const profile = this.#find(id);
    if (profile.pin) await this.#checkPin(profile, pin, 'pin');
    else if (this.#locked && this.#active()?.pin) {
      // Switching to a profile without a PIN must not be a way round the lock.
      throw new Failure('forbidden', 'profiles:locked');
    }
    if (remember) await this.#store.setActive(profile.id);
    this.#chosenForNow = remember ? undefined : profile.id;
    this.#locked = false;
    return this.session();
  }

  lock(): Session {
    if (this.#active()?.pin) this.#locked = true;
    return this.session();
  }

  async setIdleLock(minutes: number): Promise<Session> {
    await this.#store.setIdleLock(minutes);
    return this.session();
  }

  #active(): StoredProfile | undefined {
    const { profiles, activeId } = this.#store.data;
    const id = this.#chosenForNow ?? activeId;
    return profiles.find((profile) => profile.id === id);
  }

  #find(id: string): StoredProfile {
    const profile = this.#store.data.profiles.find((each) => each.id === id);
    if (!profile) throw new Failure('not_found', 'profiles:notFound', { field: 'id' });
    return profile;
  }

  async #checkPin(profile: StoredProfile, pin: string | undefined, field: string): Promise<void> {
    const now = this.#clock().getTime();
    if (now < this.#lockedOutUntil) {
      throw new Failure('refused', 'profiles:tooManyAttempts', {
        field,
        params: { seconds: Math.ceil((this.#lockedOutUntil - now) / 1000) },
      });
    }
    if (pin !== undefined && profile.pin && (await pinMatches(pin, profile.pin))) {
      this.#failures = 0;
      return;
    }
    this.#failures += 1;
    if (this.#failures >= maxFailedAttempts) {
      this.#failures = 0;
      this.#lockedOutUntil = now + lockoutMs;
    }
    throw new Failure('refused', 'profiles:wrongPin', { field });
  }
}
