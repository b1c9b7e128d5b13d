import { Pause, Play, RotateCcw, RotateCw } from 'lucide-react';
import { useCallback, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { localized } from '../../i18n/use-localized';
import { useT } from '../../i18n/use-t';
import { FileNotice, type NoticeReason } from './FileNotice';
import { useFileCheck } from './use-file-check';
import type { MaterialFile } from './variants';

const skipSeconds = 10;

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '0:00';
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Audio or video of a pack: the runtime's own player plus a large Play/Pause, ±10 s and a seek
 * bar; seeking is instant because files are served in byte ranges. A format the runtime cannot
 * play, or a file that is missing or damaged, gives a notice at once instead of a silent player.
 */
export function MediaPlayer({ material, file, kind }: { material: Material; file: MaterialFile; kind: 'audio' | 'video' }) {
  const t = useT();
  const { client } = useApi();
  const check = useFileCheck(material.id);
  const url = client.materialUrl(material.packId, file.path);
  const media = useRef<HTMLMediaElement | null>(null);
  const seekId = useId();
  const [playing, setPlaying] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [problem, setProblem] = useState<{ url: string; reason: NoticeReason } | null>(null);
  // Asked of the runtime once per type: '' means it surely cannot play it.
  const playable = useMemo(() => document.createElement(kind).canPlayType(file.mediaType) !== '', [kind, file.mediaType]);

  const onError = useCallback(() => {
    setPlaying(false);
    void check(file.path).then((reason) => setProblem({ url, reason }));
  }, [check, file.path, url]);

  if (!playable) return <FileNotice reason="unsupported" path={file.path} kind={kind} mediaType={file.mediaType} />;
  if (problem?.url === url) return <FileNotice reason={problem.reason} path={file.path} kind={kind} mediaType={file.mediaType} />;

  const toggle = () => {
    const element = media.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => setPlaying(false));
    else element.pause();
  };
  const seekTo = (seconds: number) => {
    const element = media.current;
    if (!element) return;
    element.currentTime = Math.min(Math.max(0, seconds), Number.isFinite(element.duration) ? element.duration : seconds);
    setTime(element.currentTime);
  };
  const onSeek = (event: ChangeEvent<HTMLInputElement>) => seekTo(Number(event.target.value));

  const common = {
    src: url,
    preload: 'metadata' as const,
    'data-pack-path': file.path,
    onPlay: () => setPlaying(true),
    onPause: () => setPlaying(false),
    onEnded: () => setPlaying(false),
    onWaiting: () => setWaiting(true),
    onPlaying: () => setWaiting(false),
    onCanPlay: () => setWaiting(false),
    onTimeUpdate: (event: { currentTarget: HTMLMediaElement }) => setTime(event.currentTarget.currentTime),
    onLoadedMetadata: (event: { currentTarget: HTMLMediaElement }) =>
      setDuration(Number.isFinite(event.currentTarget.duration) ? event.currentTarget.duration : 0),
    onDurationChange: (event: { currentTarget: HTMLMediaElement }) =>
      setDuration(Number.isFinite(event.currentTarget.duration) ? event.currentTarget.duration : 0),
    onError,
  };
  const title = localized(material.title);

  return (
    <div className={`media-player media-${kind}`} data-testid={kind === 'audio' ? 'audio-player' : 'video-player'} data-playing={playing}>
      {kind === 'audio' ? (
        <audio ref={(element) => void (media.current = element)} controls {...common} aria-label={title} />
      ) : (
        <video ref={(element) => void (media.current = element)} controls playsInline {...common} aria-label={title} />
      )}
      <div className="media-controls">
        <button type="button" className="media-play primary" onClick={toggle} data-testid="media-toggle" aria-pressed={playing}>
          {playing ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
          {playing ? t('viewer:media.pause') : t('viewer:media.play')}
        </button>
        <button type="button" onClick={() => seekTo(time - skipSeconds)}>
          <RotateCcw aria-hidden="true" />
          {t('viewer:media.back', { seconds: skipSeconds })}
        </button>
        <button type="button" onClick={() => seekTo(time + skipSeconds)}>
          <RotateCw aria-hidden="true" />
          {t('viewer:media.forward', { seconds: skipSeconds })}
        </button>
        <label className="visually-hidden" htmlFor={seekId}>
          {t('viewer:media.seek')}
        </label>
        <input
          id={seekId}
          className="media-seek"
          type="range"
          min={0}
          max={duration || 0}
          step={0.1}
          value={Math.min(time, duration || 0)}
          disabled={!duration}
          onChange={onSeek}
          aria-valuetext={t('viewer:media.position', { time: formatClock(time), duration: formatClock(duration) })}
          data-testid="media-seek"
        />
        <span className="media-time" data-testid="media-time">
          {formatClock(time)} / {formatClock(duration)}
        </span>
        {waiting && playing && (
          <span className="hint" role="status">
            {t('viewer:loading')}
          </span>
        )}
      </div>
    </div>
  );
}
