import type { z } from 'zod';
import { invalidInput } from '../failure';
import { validationError } from '../api/validation-error';
import { figureConsentIssues, registryDataSchemas, type RegistryData } from '../contract/registries';
import type { RegistryName } from '../../../shared/registry-choices';
import { withoutEmpty } from '../logbooks/without-empty';

/** The issues of one registry entry's data, each at its field; none when it is valid. */
export function registryIssues(
  registry: RegistryName,
  data: Record<string, unknown>,
): { value?: RegistryData; issues: z.core.$ZodIssue[] } {
  const cleaned = withoutEmpty(data);
  const parsed = registryDataSchemas[registry].safeParse(cleaned, { reportInput: true });
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  if (registry === 'figures') {
    for (const rule of figureConsentIssues(cleaned)) issues.push({ code: 'custom', path: rule.path, message: rule.key, input: undefined });
  }
  return parsed.success && issues.length === 0 ? { value: parsed.data, issues } : { issues };
}

/** Valid data for the entry, or a refusal naming every field at fault (`data.fullName`). */
export function validRegistryData(registry: RegistryName, data: Record<string, unknown>): RegistryData {
  const { value, issues } = registryIssues(registry, data);
  if (value) return value;
  throw invalidInput(validationError(issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] }))));
}
