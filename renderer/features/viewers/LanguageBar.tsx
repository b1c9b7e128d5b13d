import { Columns2 } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { useLanguageName } from './language-name';
import type { Variant } from './variants';

interface LanguageBarProps {
  readonly variants: readonly Variant[];
  readonly primary: Variant;
  readonly secondary: Variant | undefined;
  readonly sideBySide: boolean;
  readonly onPrimary: (variant: Variant) => void;
  readonly onSecondary: (variant: Variant) => void;
  readonly onSideBySide: (on: boolean) => void;
}

/** Which language version to show, and a second one next to it. */
export function LanguageBar({ variants, primary, secondary, sideBySide, onPrimary, onSecondary, onSideBySide }: LanguageBarProps) {
  const t = useT();
  const name = useLanguageName();
  const labelId = useId();
  const secondLabelId = useId();
  return (
    <div className="language-bar" data-testid="language-bar">
      <div className="language-choice" role="group" aria-labelledby={labelId}>
        <span id={labelId} className="language-choice-label">
          {sideBySide ? t('viewer:language.left') : t('viewer:language.label')}
        </span>
        {variants.map((variant) => (
          <button
            key={variant.language ?? ''}
            type="button"
            aria-pressed={variant === primary}
            data-language={variant.language}
            onClick={() => onPrimary(variant)}
          >
            {name(variant.language)}
          </button>
        ))}
      </div>
      {sideBySide && secondary && (
        <div className="language-choice" role="group" aria-labelledby={secondLabelId}>
          <span id={secondLabelId} className="language-choice-label">
            {t('viewer:language.right')}
          </span>
          {variants
            .filter((variant) => variant !== primary)
            .map((variant) => (
              <button
                key={variant.language ?? ''}
                type="button"
                aria-pressed={variant === secondary}
                data-language={variant.language}
                onClick={() => onSecondary(variant)}
              >
                {name(variant.language)}
              </button>
            ))}
        </div>
      )}
      <button
        type="button"
        className="side-by-side-toggle"
        aria-pressed={sideBySide}
        data-testid="side-by-side"
        onClick={() => onSideBySide(!sideBySide)}
      >
        <Columns2 aria-hidden="true" />
        {t('viewer:language.sideBySide')}
      </button>
    </div>
  );
}
