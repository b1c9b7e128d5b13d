import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ListedMaterial, MaterialPack, SearchHit } from '../../../electron/core/contract';
import { MaterialRow } from './MaterialRow';

export interface ListEntry {
  readonly material: ListedMaterial;
  readonly hit?: SearchHit | undefined;
}

interface MaterialListProps {
  readonly entries: readonly ListEntry[];
  /** How many rows the list has: more than `entries` while the rest of them is on its way. */
  readonly count: number;
  readonly packs: ReadonlyMap<string, MaterialPack>;
  readonly label: string;
  readonly testId: 'material-row' | 'search-hit';
  readonly planTitle: string | null;
  readonly planMaterials: ReadonlySet<string>;
  readonly onTogglePlan: (material: ListedMaterial) => void;
  /** A material to bring into view and focus when the list first shows (the one just left). */
  readonly returnTo: string | null;
}

/**
 * The materials, only those on screen actually rendered, so that five thousand scroll as
 * smoothly as fifty. The page itself scrolls (no box within a box); rows measure their own
 * height, which changes with the text size and the width.
 */
export function MaterialList({
  entries,
  count,
  packs,
  label,
  testId,
  planTitle,
  planMaterials,
  onTogglePlan,
  returnTo,
}: MaterialListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [top, setTop] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    // Where the list starts on the page moves when anything above it changes size.
    const measure = () => setTop(Math.round(list.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list.closest('main') ?? document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => 136,
    overscan: 6,
    scrollMargin: top,
    getItemKey: (index) => entries[index]?.material.id ?? index,
  });

  const returned = useRef(false);
  useEffect(() => {
    if (returned.current || !returnTo || entries.length === 0) return;
    const index = entries.findIndex((entry) => entry.material.id === returnTo);
    // Not among the first rows: perhaps among the rest, still on its way.
    if (index < 0 && entries.length < count) return;
    returned.current = true;
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const focus = () =>
      listRef.current
        ?.querySelector<HTMLElement>(`[data-material-id="${CSS.escape(returnTo)}"] .material-title a`)
        ?.focus({ preventScroll: true });
    requestAnimationFrame(() => requestAnimationFrame(focus));
  }, [entries, count, returnTo, virtualizer]);

  return (
    <ul
      ref={listRef}
      className="material-list"
      aria-label={label}
      aria-busy={count > entries.length}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const entry = entries[item.index];
        // A row not here yet keeps its place (at the estimated height) until it comes.
        if (!entry) {
          return (
            <li
              key={item.key}
              aria-hidden="true"
              style={{ height: item.size, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div className="material-row-pending" />
            </li>
          );
        }
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-testid={testId}
            data-material-id={entry.material.id}
            aria-setsize={count}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <MaterialRow
              material={entry.material}
              pack={packs.get(entry.material.packId)}
              hit={entry.hit}
              planTitle={planTitle}
              inPlan={planMaterials.has(entry.material.id)}
              onTogglePlan={onTogglePlan}
            />
          </li>
        );
      })}
    </ul>
  );
}
