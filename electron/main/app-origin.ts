// The app's one origin, app://chieng: where the UI lives in the desktop app.
export const appScheme = 'app';
export const appHost = 'chieng';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}
