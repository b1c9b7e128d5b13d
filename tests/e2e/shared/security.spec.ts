import { expect, test } from '../fixtures';

test('the page has no Node, and only the two-function bridge in the desktop app', async ({ app }) => {
  const globals = await app.page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    buffer: typeof (globalThis as Record<string, unknown>).Buffer,
    bridge: Object.keys((window as unknown as { chieng?: object }).chieng ?? {}).sort(),
  }));
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    buffer: 'undefined',
    bridge: app.shell === 'electron' ? ['invoke', 'subscribe'] : [],
  });
});

test('the CSP arrives as a header and refuses inline script, event attributes, foreign scripts and remote loads', async ({ app }) => {
  const { page } = app;
  const csp = await page.evaluate(async () => (await fetch('./index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-eval');

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const flags = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.head.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__onerror = true');
    img.src = 'data:image/png;base64,broken';
    document.body.append(img);
    // Code evaluated by the test driver is exempt from CSP, so eval cannot be probed from
    // here; a script from anywhere but the app itself can.
    const foreign = document.createElement('script');
    foreign.src = 'data:text/javascript,window.__foreign=true';
    document.head.append(foreign);
    let remoteBlocked = false;
    try {
      await fetch('https://example.com/');
    } catch {
      remoteBlocked = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    img.remove();
    script.remove();
    foreign.remove();
    return { inline: flags.__inline, onerror: flags.__onerror, foreign: flags.__foreign, remoteBlocked, violations };
  });
  expect(outcome.inline).toBeUndefined();
  expect(outcome.onerror).toBeUndefined();
  expect(outcome.foreign).toBeUndefined();
  expect(outcome.remoteBlocked).toBe(true);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
});
