import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/ui-assets/content-security-policy';
import { startHostHarness, type HostHarness } from '../../support/host-harness';
import { rawRequest } from '../../support/raw-http';

let harness: HostHarness;
beforeAll(async () => {
  harness = await startHostHarness();
});
afterAll(() => harness.close());

const get = (path: string) => rawRequest(harness.host.port, { path });

describe('the UI over HTTP', () => {
  it('serves the page with the CSP as a header', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('Chiêng');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('serves built assets with their media type', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%00.js',
    '/%E0%A4%A',
  ])('refuses the path %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.body).not.toContain('outside the renderer');
  });

  it('says 404 for a file that is not there', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('keeps the CSP strict: nothing remote, no inline or evaluated script', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
