import type { Profile, Session } from '../core/contract/profiles';
import type { Core } from '../core/core';
import { CliFailure, type CliContext } from './cli-context';
import { call } from './call-core';

export interface PersonOptions {
  /** The person to work as, by name or id; else the one chosen in the app. */
  readonly profile?: string;
  readonly pin?: string;
  /** The option that carried the PIN, to name in a message (`--active-pin` when adding someone). */
  readonly pinOption?: string;
}

/**
 * Makes the core ready for a command that reads or writes the logbooks or registries, as
 * the app would be after someone opened it: the lock the app starts with is lifted with the
 * PIN, and a command that writes records has an author. The person is chosen for this
 * command only; the app keeps its own choice. Returns who the author is, when one is needed.
 */
export async function workAs(context: CliContext, core: Core, options: PersonOptions, needsAuthor: boolean): Promise<Profile | undefined> {
  const pin = options.pin ?? (context.env.CHIENG_PIN || undefined);
  const session = await call(context, core, 'profiles.session', {});
  if (options.profile === undefined && !needsAuthor) {
    const active = activeOf(session);
    if (session.locked && active) await activate(context, core, options, session, active, pin);
    return active;
  }
  const person = options.profile === undefined ? chosenOrFail(context, session) : named(context, session, options.profile);
  if (person.hasPin || session.locked || person.id !== session.activeId) await activate(context, core, options, session, person, pin);
  return person;
}

async function activate(
  context: CliContext,
  core: Core,
  options: PersonOptions,
  session: Session,
  person: Profile,
  pin: string | undefined,
): Promise<void> {
  const { t } = context;
  const option = options.pinOption ?? '--pin';
  if (person.hasPin && pin === undefined) throw new CliFailure(t('cli:profile.pinNeeded', { name: person.name, option }));
  const active = activeOf(session);
  // Someone without a PIN cannot open the app that a person with a PIN left locked.
  if (!person.hasPin && session.locked && active) throw new CliFailure(t('cli:profile.lockedBy', { name: active.name, option }));
  await call(context, core, 'profiles.activate', { id: person.id, ...(person.hasPin ? { pin } : {}), remember: false }, { pin: option });
}

function chosenOrFail(context: CliContext, session: Session): Profile {
  const active = activeOf(session);
  if (active) return active;
  if (session.profiles.length === 0) throw new CliFailure(context.t('cli:profile.noneYet'));
  throw new CliFailure(context.t('cli:profile.noneChosen', { names: namesOf(session) }));
}

function named(context: CliContext, session: Session, wanted: string): Profile {
  const key = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');
  const byId = session.profiles.find((profile) => profile.id === wanted);
  if (byId) return byId;
  const matches = session.profiles.filter((profile) => key(profile.name) === key(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new CliFailure(context.t('cli:profile.ambiguous', { name: wanted, ids: matches.map((each) => each.id).join(', ') }));
  if (session.profiles.length === 0) throw new CliFailure(context.t('cli:profile.noneYet'));
  throw new CliFailure(context.t('cli:profile.unknown', { name: wanted, names: namesOf(session) }));
}

const activeOf = (session: Session) => session.profiles.find((profile) => profile.id === session.activeId);
const namesOf = (session: Session) => session.profiles.map((profile) => `“${profile.name}”`).join(', ');
