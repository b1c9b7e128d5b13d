import { Check, Plus } from 'lucide-react';
import { memo } from 'react';
import type { ListedMaterial, MaterialPack, SearchHit } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { Highlighted } from './Highlighted';
import { KindIcon } from './KindIcon';
import { materialHref } from './library-route';
import { localizedText } from './localized-text';
import { kindName, languageName, topicName } from './names';
import { Provenance } from './Provenance';

export interface MaterialRowProps {
  readonly material: ListedMaterial;
  readonly pack: MaterialPack | undefined;
  /** Where a search matched, when the row is a search result. */
  readonly hit?: SearchHit | undefined;
  /** The title of the plan materials are being added to, if one is chosen. */
  readonly planTitle: string | null;
  readonly inPlan: boolean;
  readonly onTogglePlan: (material: ListedMaterial) => void;
}

/** One material in the list: what it is, in which languages, where it comes from. */
export const MaterialRow = memo(function MaterialRow({ material, pack, hit, planTitle, inPlan, onTogglePlan }: MaterialRowProps) {
  const t = useT();
  const title = localizedText(material.title);
  // The core marks matches in the Vietnamese title; in another UI language the title shown
  // may be a different text, and then the matched one is shown under it.
  const titleMatches = hit && hit.title.text === title.text;
  const otherMatch = hit && !titleMatches && hit.title.highlights.length > 0 ? hit.title : null;
  return (
    <article className={`material-row${material.withdrawn ? ' is-withdrawn' : ''}`}>
      <KindIcon kind={material.kind} />
      <div className="material-main">
        <h3 className="material-title">
          <a href={materialHref(material)} lang={title.lang}>
            {titleMatches ? <Highlighted text={hit.title.text} ranges={hit.title.highlights} /> : title.text}
          </a>
        </h3>
        {otherMatch && (
          <p className="material-other-title" lang="vi">
            <Highlighted text={otherMatch.text} ranges={otherMatch.highlights} />
          </p>
        )}
        {hit?.snippet && (
          <p className="material-snippet">
            <Highlighted text={hit.snippet.text} ranges={hit.snippet.highlights} />
          </p>
        )}
        <p className="material-facts">
          <span className="material-kind">{kindName(t, material.kind)}</span>
          <span>{material.languages.map((tag) => languageName(t, tag)).join(', ')}</span>
          {material.topics.length > 0 && <span>{material.topics.map((topic) => topicName(t, topic)).join(', ')}</span>}
        </p>
        <Provenance material={material} pack={pack} />
      </div>
      {planTitle !== null && (!material.withdrawn || inPlan) && (
        <div className="material-plan">
          {inPlan && (
            <span className="in-plan">
              <Check aria-hidden="true" /> {t('library:plan.inPlan')}
            </span>
          )}
          <button type="button" onClick={() => onTogglePlan(material)} data-testid="toggle-plan">
            {inPlan ? null : <Plus aria-hidden="true" />}
            {inPlan ? t('library:plan.takeOut') : t('library:plan.add')}
            <span className="visually-hidden">{t('library:plan.which', { title: title.text, plan: planTitle })}</span>
          </button>
        </div>
      )}
    </article>
  );
});
