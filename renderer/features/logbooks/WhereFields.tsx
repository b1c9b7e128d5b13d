import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { villageData } from '../registries/entry-view';
import { useRegistry } from '../registries/use-registry';
import { TextInput } from './form-controls';
import { useRecordForm } from './record-form-context';
import { RegistryChoice } from './RegistryChoice';

/** Where it happened: a village of the registry, a place in words, or both; a loudspeaker cluster for a session. */
export function WhereFields({ cluster = false }: { cluster?: boolean }) {
  const t = useT();
  return (
    <>
      <RegistryChoice registry="villages" path="villageId" label={t('logbooks:common.villageId')} hint={t('logbooks:form.whereHint')} />
      <TextInput path="place" label={t('logbooks:common.place')} />
      {cluster && <ClusterInput />}
    </>
  );
}

/** The loudspeaker cluster, suggested from the clusters the chosen village has in the registry. */
function ClusterInput() {
  const t = useT();
  const listId = useId();
  const form = useRecordForm();
  const villages = useRegistry('villages').entries ?? [];
  const village = villages.find((entry) => entry.id === form.values['villageId']);
  const clusters = (village ? [village] : villages).flatMap((entry) => villageData(entry).loudspeakerClusters ?? []);
  return (
    <>
      <TextInput path="cluster" label={t('logbooks:field.loudspeaker.cluster')} listId={listId} />
      <datalist id={listId}>
        {[...new Set(clusters)].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
