import type { ApiError } from '../../../electron/core/contract';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import type { FieldErrors } from './field-errors';

/**
 * Above a form's buttons, what stopped the save: how many fields to fix (each says why at
 * the field), or the refusal itself when it names no field of the form.
 */
export function FormProblem({ error, errors }: { error: ApiError | null; errors: FieldErrors }) {
  const t = useT();
  const describe = useMessage();
  if (!error) return null;
  return (
    <p className="field-error form-problem" role="alert" data-testid="form-problem">
      {errors.count > 0 ? t('common:form.fixFields', { count: errors.count }) : describe(error)}
    </p>
  );
}
