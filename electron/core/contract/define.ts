import type { z } from 'zod';

/** One method of the contract: the schema its input must pass, and its result's schema. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly result: R;
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
