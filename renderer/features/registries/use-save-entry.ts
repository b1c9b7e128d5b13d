import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ApiError, ApiInput, RegistryEntry, RegistryName } from '../../../electron/core/contract';
import { withoutEmpty } from '../../../shared/without-empty';
import { useApi } from '../../api/api-context';
import { fieldErrors, type FieldErrors } from '../forms/field-errors';
import { focusFirstError } from '../forms/focus-first-error';
import { useT } from '../../i18n/use-t';
import { entryName } from '../../../shared/registry-entry';
import { goTo } from './registries-route';

export interface SaveEntry {
  readonly form: RefObject<HTMLFormElement | null>;
  readonly busy: boolean;
  /** What the core refused, by the form's field paths (`consent.given`). */
  readonly errors: FieldErrors;
  /** A refusal that names no field (the store could not write, the app locked). */
  readonly error: ApiError | null;
  readonly save: (data: Record<string, unknown>) => Promise<void>;
}

/**
 * Saves a registry entry through the core, which checks it: on success back to the list,
 * saying what was saved; on refusal each message at its field and the focus on the first.
 */
export function useSaveEntry(registry: RegistryName, entry: RegistryEntry | undefined, onDone: (message: string) => void): SaveEntry {
  const t = useT();
  const { client } = useApi();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // Once the refusal is on screen, each message at its field.
  useEffect(() => {
    if (error) focusFirstError(form.current);
  }, [error]);

  const save = async (data: Record<string, unknown>) => {
    setBusy(true);
    // What the person typed, empty answers left out, as the registry's data: the core checks
    // it against the registry's schema and answers at each field at fault.
    const request = { registry, ...(entry ? { id: entry.id } : {}), data: withoutEmpty(data) } as ApiInput<'registry.save'>;
    const saved = await client.call('registry.save', request);
    setBusy(false);
    if (!saved.ok) return setError(saved.error);
    onDone(t('registries:form.saved', { name: entryName(saved.value) }));
    goTo({ registry, view: 'list' });
  };

  return { form, busy, errors: fieldErrors(error, 'data.'), error, save };
}
