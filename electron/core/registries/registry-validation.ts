import { invalidInput } from '../failure';
import { validationError } from '../api/validation-error';
import { registryDataIssues, registryDataSchemas, type RegistryData } from '../contract/registries';
import type { RegistryName } from '../../../shared/registry-choices';
import { withoutEmpty } from '../../../shared/without-empty';
import type { z } from 'zod';

/** An entry's data, empty answers dropped and text in one Unicode form, with the issues it has; no value unless it has none. */
export function registryIssues(
  registry: RegistryName,
  data: Record<string, unknown>,
): { value?: RegistryData; issues: z.core.$ZodIssue[] } {
  const cleaned = withoutEmpty(data);
  const issues = registryDataIssues(registry, cleaned);
  return issues.length === 0 ? { value: registryDataSchemas[registry].parse(cleaned), issues } : { issues };
}

/** Valid data for the entry, or a refusal naming every field at fault (`data.fullName`). */
export function validRegistryData(registry: RegistryName, data: Record<string, unknown>): RegistryData {
  const { value, issues } = registryIssues(registry, data);
  if (value) return value;
  throw invalidInput(validationError(issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] }))));
}
