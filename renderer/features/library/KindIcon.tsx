import { AudioLines, FileText, FileType2, Film, Image as ImageIcon, Newspaper, type LucideIcon } from 'lucide-react';
import type { Material } from '../../../electron/core/contract';

const icons: Record<Material['kind'], LucideIcon> = {
  article: FileText,
  image: ImageIcon,
  audio: AudioLines,
  video: Film,
  pdf: FileType2,
  leaflet: Newspaper,
};

/** The kind's picture; its name is always written next to it, so the icon itself is hidden from screen readers. */
export function KindIcon({ kind }: { kind: Material['kind'] }) {
  const Icon = icons[kind];
  return <Icon aria-hidden="true" className={`kind-icon kind-${kind}`} />;
}
