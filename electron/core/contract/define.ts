import type { z } from 'zod';

/**
 * Who may call a method, checked by the dispatcher before the input is even read, whatever
 * carried the call (IPC, HTTP, the CLI):
 * - `open`: anyone at the screen, locked or not; only what the lock screen itself needs;
 * - `unlocked`: only while the app is unlocked (nobody has a PIN, or it was given);
 * - `author`: unlocked, and a person chosen, under whose name the work is saved.
 */
export type Access = 'open' | 'unlocked' | 'author';

/** One method of the contract: the schema its input must pass, its result's schema, and who may call it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly result: R;
  readonly access: Access;
  /**
   * Whether a shared listener (phones on the laptop's own Wi-Fi) may call it too. Never, unless
   * a method says so: what a phone may read is chosen one method at a time.
   */
  readonly shared?: true;
}

export type ContractSlice = Readonly<Record<string, MethodSpec>>;

/**
 * Joins each feature's slice into the one contract, refusing a method name that two
 * features both claim (a spread would silently keep the last one).
 */
export function joinContract<const S extends readonly ContractSlice[]>(...slices: S): UnionToIntersection<S[number]> {
  const joined: Record<string, MethodSpec> = {};
  for (const slice of slices) {
    for (const [name, spec] of Object.entries(slice)) {
      if (Object.hasOwn(joined, name)) throw new Error(`API method "${name}" is defined twice`);
      joined[name] = spec;
    }
  }
  return joined as UnionToIntersection<S[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
