import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { usePlans } from './plans-context';

/** What the core refused about a plan, in words, until the person has read it. */
export function PlansError() {
  const t = useT();
  const describe = useMessage();
  const { error, dismissError } = usePlans();
  if (!error) return null;
  return (
    <div className="field-error plans-error" role="alert" data-testid="plans-error">
      <span>{describe(error)}</span>
      <button type="button" onClick={dismissError}>
        {t('library:plans.dismiss')}
      </button>
    </div>
  );
}
