import type { RegistryName } from './registry-choices';

/** The field that names an entry: shown in lists, used to find it by name in a CSV. */
export const nameField = { villages: 'name', figures: 'fullName', places: 'name' } as const satisfies Record<RegistryName, string>;

/** The name a person knows an entry by. */
export function entryName(entry: { readonly registry: RegistryName; readonly data: Readonly<Record<string, unknown>> }): string {
  const name = entry.data[nameField[entry.registry]];
  return typeof name === 'string' ? name : '';
}
