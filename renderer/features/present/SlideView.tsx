import { Play } from 'lucide-react';
import { useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { localized } from '../../i18n/use-localized';
import { MaterialView } from '../viewers';
import type { Slide } from './slides';

/** One slide, as large as the screen allows. */
export function SlideView({ slide }: { slide: Slide }) {
  const t = useT();
  const audio = useRef<HTMLAudioElement>(null);
  const title = localized(slide.material.title);
  switch (slide.kind) {
    case 'text':
      // Sanitised by renderArticleHtml (markdown-it without HTML, then DOMPurify).
      return (
        <article className="slide slide-text" lang={slide.lang} data-testid="slide" dangerouslySetInnerHTML={{ __html: slide.html }} />
      );
    case 'image':
      return (
        <figure className="slide slide-image" data-testid="slide">
          <img src={slide.url} alt={title} />
          <figcaption>{title}</figcaption>
        </figure>
      );
    case 'audio':
      return (
        <div className="slide slide-audio" data-testid="slide">
          <h2>{title}</h2>
          <button type="button" className="primary big" onClick={() => void audio.current?.play()}>
            <Play aria-hidden="true" /> {t('viewer:present.play')}
          </button>
          <audio ref={audio} src={slide.url} controls preload="metadata" />
        </div>
      );
    case 'video':
      return (
        <div className="slide slide-video" data-testid="slide">
          <video src={slide.url} controls preload="metadata" />
        </div>
      );
    case 'whole':
      return (
        <div className="slide slide-whole" data-testid="slide">
          <MaterialView material={slide.material} pack={slide.pack} />
        </div>
      );
    case 'notice':
      return (
        <p className="slide presentation-status" role="alert" data-testid="slide">
          {t(slide.messageKey, { title })}
        </p>
      );
  }
}
