import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxInputBytes } from '../../../electron/core/contract';
import { startHostHarness, type HostHarness } from '../../support/host-harness';
import { rawRequest } from '../../support/raw-http';

let harness: HostHarness;
beforeAll(async () => {
  harness = await startHostHarness();
});
afterAll(() => harness.close());

const json = { 'Content-Type': 'application/json' };
const call = (method: string, body: string, headers: Record<string, string> = json) =>
  rawRequest(harness.host.port, { method: 'POST', path: `/api/call/${method}`, headers, body });

describe('the API over HTTP', () => {
  it('answers a valid call with the value', async () => {
    const response = await call('settings.get', '{}');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: { locale: 'vi', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('names the field at fault, with status 400', async () => {
    const response = await call('settings.update', JSON.stringify({ textScale: '150' }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'textScale' } });
  });

  it('says 404 for an unknown method', async () => {
    const response = await call('packs.explode', '{}');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'unknown_method' } });
  });

  it('says 400 for a body that is not JSON', async () => {
    const response = await call('settings.get', '{"locale": ');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { messageKey: 'errors:api.notJson' } });
  });

  it('says 413 for a huge body without reading it all, and keeps serving', async () => {
    const response = await call('settings.update', JSON.stringify({ locale: 'x'.repeat(maxInputBytes * 3) }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await call('settings.get', '{}')).status).toBe(200);
  });

  it('says 415 unless the body is declared as JSON, so cross-site forms cannot post', async () => {
    const response = await call('settings.update', 'locale=en', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
  });

  it('says 405 to a GET on a method', async () => {
    const response = await rawRequest(harness.host.port, { path: '/api/call/settings.get' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('refuses calls from another origin and requests for another host name', async () => {
    const crossSite = await call('settings.update', '{"locale":"en"}', { ...json, Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const rebinding = await call('settings.get', '{}', { ...json, Host: 'evil.example' });
    expect(rebinding.status).toBe(421);
    await expect(harness.core.call('settings.get', {})).resolves.toMatchObject({ value: { locale: 'vi' } });
  });

  it('streams events to listeners', async () => {
    const { request } = await import('node:http');
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: harness.host.port, path: '/api/events' }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          const line = buffer.split('\n').find((each) => each.startsWith('data: '));
          if (line) {
            resolve(line.slice('data: '.length));
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    // Give the stream a moment to subscribe before the change happens.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call('settings.update', '{"textScale":125}');
    expect(JSON.parse(await received)).toEqual({
      name: 'settings.changed',
      payload: { locale: 'vi', textScale: 125, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
  });
});
