import { useT } from '../../i18n/use-t';
import { useApi } from '../../api/api-context';
import { useAppInfo } from '../../app/app-info-context';
import { formatDateTime, formatNumber } from '../../i18n/format';

export function AboutSection() {
  const t = useT();
  const info = useAppInfo();
  const { transportKind } = useApi();
  const rows: [string, string, string][] = [
    ['version', t('settings:about.version'), info.version],
    ['data-dir', t('settings:about.dataDir'), info.dataDir],
    ['started-at', t('settings:about.startedAt'), formatDateTime(info.startedAt)],
    ['connection', t('settings:about.connection'), t(`common:connection.${transportKind}`)],
    ['number-format', t('settings:about.sampleNumber'), formatNumber(1234567.89)],
  ];
  return (
    <section className="card about" aria-labelledby="about-title">
      <h2 id="about-title">{t('settings:about.title')}</h2>
      <dl>
        {rows.map(([id, label, value]) => (
          <div key={id} className="about-row">
            <dt>{label}</dt>
            <dd data-testid={`about-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
