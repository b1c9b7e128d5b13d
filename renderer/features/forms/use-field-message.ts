import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import type { FieldErrors } from './field-errors';

/** The words for what is wrong at one field, in the UI's language; undefined when nothing is. */
export function useFieldMessage(errors: FieldErrors): (path: string) => string | undefined {
  const t = useT();
  const describe = useMessage();
  return (path) => {
    const error = errors.at(path);
    if (!error) return undefined;
    // Forms send what was typed in a number field as it is, when it is not a number.
    if (error.messageKey === 'errors:field.wrongType' && error.params?.['expected'] === 'number') return t('common:form.notNumber');
    return describe(error);
  };
}
