import { AboutSection } from './AboutSection';
import { GlyphCheck } from './GlyphCheck';
import { LanguageChoice } from './LanguageChoice';
import { TextSizeChoice } from './TextSizeChoice';
import { TrustedRoots } from './TrustedRoots';

export function SettingsPage() {
  return (
    <div className="settings-page">
      <LanguageChoice />
      <TextSizeChoice />
      <AboutSection />
      <TrustedRoots />
      <GlyphCheck />
    </div>
  );
}
