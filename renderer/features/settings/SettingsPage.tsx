import { AboutSection } from './AboutSection';
import { GlyphCheck } from './GlyphCheck';
import { LanguageChoice } from './LanguageChoice';
import { PlaceSection } from './PlaceSection';
import { TextSizeChoice } from './TextSizeChoice';
import { TrustedRoots } from './TrustedRoots';
import { UsersSection } from './UsersSection';

export function SettingsPage() {
  return (
    <div className="settings-page">
      <LanguageChoice />
      <TextSizeChoice />
      <PlaceSection />
      <UsersSection />
      <AboutSection />
      <TrustedRoots />
      <GlyphCheck />
    </div>
  );
}
