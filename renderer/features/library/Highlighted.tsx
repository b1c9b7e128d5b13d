import { memo } from 'react';
import { highlightParts } from './highlight-parts';

/** Text with the parts a search matched in <mark>, built as React nodes (never as HTML). */
export const Highlighted = memo(function Highlighted({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }) {
  return (
    <>
      {highlightParts(text, ranges).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
});
