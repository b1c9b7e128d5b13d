import type { ApiError } from '../../../electron/core/contract';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';

/**
 * A refusal from the core, said where it happened. Nothing is saved or read without a
 * person to sign it: when no one is chosen or the app is locked, it also says where to
 * put that right, and that what was typed is still here.
 */
export function ProblemNotice({ error }: { error: ApiError }) {
  const t = useT();
  const describe = useMessage();
  const profile = error.messageKey === 'profiles:noneActive' || error.messageKey === 'profiles:locked';
  return (
    <div className="problem-notice" role="alert" data-testid={profile ? 'profile-problem' : 'problem'}>
      <p className="field-error">{describe(error)}</p>
      {profile && (
        <p>{error.messageKey === 'profiles:locked' ? t('logbooks:profile.whereLocked') : t('logbooks:profile.whereNoneActive')}</p>
      )}
    </div>
  );
}
