// The app's one origin, app://chieng: where the UI lives in the desktop app.
export const appScheme = 'app';
export const appHost = 'chieng';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    // Not URL.origin: Node gives "null" as the origin of any scheme it does not know.
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.port === '';
  } catch {
    return false;
  }
}
