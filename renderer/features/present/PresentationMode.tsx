import { ChevronLeft, ChevronRight, Maximize, Minus, Plus, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScreenChoice } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { useLanguageName } from '../viewers';
import type { PresentTarget } from './present-route';
import { SlideView } from './SlideView';
import { usePresentation } from './use-presentation';

const sizes = [100, 125, 150, 175, 200, 250, 300] as const;
const nextKeys = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const previousKeys = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/**
 * Presenting at a village meeting: one slide at a time, large, on the whole screen (the
 * projector's, in the desktop app), driven by the keyboard or a presenter's clicker.
 */
export function PresentationMode({ target, onExit }: { target: PresentTarget; onExit: () => void }) {
  const t = useT();
  const describe = useMessage();
  const languageName = useLanguageName();
  const { client } = useApi();
  const [language, setLanguage] = useState('vi');
  const [index, setIndex] = useState(0);
  // Another plan or material (a new address while presenting) starts at its first slide;
  // the text size and language the presenter chose stay.
  const targetKey = JSON.stringify(target);
  const [shownTarget, setShownTarget] = useState(targetKey);
  if (shownTarget !== targetKey) {
    setShownTarget(targetKey);
    setIndex(0);
  }
  const [size, setSize] = useState<(typeof sizes)[number]>(175);
  const [screens, setScreens] = useState<readonly ScreenChoice[]>([]);
  const state = usePresentation(target, language);
  const slides = state.status === 'ready' ? state.presentation.slides : [];
  const count = slides.length;

  useEffect(() => {
    void client.screens().then(setScreens);
  }, [client]);

  const go = useCallback((step: number) => setIndex((current) => Math.min(Math.max(current + step, 0), Math.max(count - 1, 0))), [count]);
  const resize = useCallback(
    (step: number) => setSize((current) => sizes[Math.min(Math.max(sizes.indexOf(current) + step, 0), sizes.length - 1)] ?? current),
    [],
  );

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    void client.presentOn(null);
    onExit();
  }, [client, onExit]);

  const fullScreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      if (nextKeys.has(event.key)) go(1);
      else if (previousKeys.has(event.key)) go(-1);
      else if (event.key === 'Home') setIndex(0);
      else if (event.key === 'End') setIndex(Math.max(count - 1, 0));
      else if (event.key === 'Escape' && !document.fullscreenElement) exit();
      else if (event.key === '+' || event.key === '=') resize(1);
      else if (event.key === '-') resize(-1);
      else if (event.key === 'f' || event.key === 'F') fullScreen();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, resize, exit, fullScreen, count]);

  const slide = slides[Math.min(index, Math.max(count - 1, 0))];
  const title = state.status === 'ready' ? state.presentation.title : '';
  const languages = useMemo(() => (state.status === 'ready' ? state.presentation.languages : []), [state]);

  return (
    <div
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={t('viewer:present.label', { title })}
      data-testid="presentation"
      style={{ fontSize: `${size}%` }}
    >
      <div className="presentation-stage" aria-live="polite">
        {state.status === 'loading' && <p className="presentation-status">{t('viewer:present.loading')}</p>}
        {state.status === 'failed' && (
          <p className="presentation-status" role="alert">
            {state.error === 'notFound' ? t('viewer:present.notFound') : describe(state.error)}
          </p>
        )}
        {state.status === 'ready' && count === 0 && <p className="presentation-status">{t('viewer:present.empty')}</p>}
        {slide && <SlideView key={index} slide={slide} />}
      </div>
      <div className="presentation-controls" role="toolbar" aria-label={t('viewer:present.controls')}>
        <button type="button" onClick={() => go(-1)} disabled={index === 0} aria-label={t('viewer:present.previous')}>
          <ChevronLeft aria-hidden="true" />
        </button>
        <span data-testid="slide-counter">
          {t('viewer:present.counter', { current: count === 0 ? 0 : Math.min(index, count - 1) + 1, total: count })}
        </span>
        <button type="button" onClick={() => go(1)} disabled={index >= count - 1} aria-label={t('viewer:present.next')}>
          <ChevronRight aria-hidden="true" />
        </button>
        <span className="presentation-spacer" />
        <button type="button" onClick={() => resize(-1)} aria-label={t('viewer:present.smaller')}>
          <Minus aria-hidden="true" />
        </button>
        <span>{t('viewer:present.size', { value: size })}</span>
        <button type="button" onClick={() => resize(1)} aria-label={t('viewer:present.larger')}>
          <Plus aria-hidden="true" />
        </button>
        {languages.length > 1 && (
          <label>
            {t('viewer:present.language')}{' '}
            <select value={language} onChange={(event) => setLanguage(event.target.value)}>
              {languages.map((tag) => (
                <option key={tag} value={tag}>
                  {languageName(tag)}
                </option>
              ))}
            </select>
          </label>
        )}
        {screens.length > 1 && (
          <label>
            {t('viewer:present.screen')}{' '}
            <select defaultValue="" onChange={(event) => event.target.value && void client.presentOn(Number(event.target.value))}>
              <option value="">{t('viewer:present.thisScreen')}</option>
              {screens.map((screen) => (
                <option key={screen.id} value={screen.id}>
                  {t('viewer:present.screenName', { name: screen.label, width: screen.width, height: screen.height })}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={fullScreen} aria-label={t('viewer:present.fullScreen')}>
          <Maximize aria-hidden="true" />
        </button>
        <button type="button" onClick={exit} aria-label={t('viewer:present.exit')}>
          <X aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}
