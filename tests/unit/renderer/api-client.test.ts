import { describe, expect, it } from 'vitest';
import type { ApiEvent, Result, Transport } from '../../../electron/core/contract';
import { createApiClient } from '../../../renderer/api/client';
import { httpTransport } from '../../../renderer/api/http-transport';
import { startHostHarness } from '../../support/host-harness';

function fakeTransport() {
  const calls: [string, unknown][] = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  let subscriptions = 0;
  const transport: Transport = {
    invoke: (method, input) => {
      calls.push([method, input]);
      return Promise.resolve({
        ok: true,
        value: { locale: 'en', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
      } as Result<unknown>);
    },
    subscribe: (listener) => {
      subscriptions += 1;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    upload: () => Promise.resolve({ ok: true, value: { uploadId: 'u' } }),
    download: () => Promise.resolve({ ok: true, value: { saved: true } }),
    materialUrl: (packId, path) => `test://${packId}/${path}`,
    screens: () => Promise.resolve([]),
    presentOn: () => Promise.resolve(false),
  };
  return {
    transport,
    calls,
    emit: (event: ApiEvent) => listeners.forEach((l) => l(event)),
    open: () => listeners.size,
    subscriptions: () => subscriptions,
  };
}

describe('the API client', () => {
  it('hands calls to its transport unchanged', async () => {
    const fake = fakeTransport();
    const client = createApiClient(fake.transport);
    await expect(client.call('settings.update', { locale: 'en' })).resolves.toEqual({
      ok: true,
      value: { locale: 'en', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    expect(fake.calls).toEqual([['settings.update', { locale: 'en' }]]);
  });

  it('shares one subscription among listeners and closes it after the last leaves', () => {
    const fake = fakeTransport();
    const client = createApiClient(fake.transport);
    const seen: string[] = [];
    const offA = client.on('settings.changed', (s) => seen.push(`a:${s.locale}`));
    const offB = client.on('settings.changed', (s) => seen.push(`b:${s.locale}`));
    expect(fake.subscriptions()).toBe(1);
    fake.emit({ name: 'settings.changed', payload: { locale: 'en', textScale: 125, hubUrl: '', commune: '', province: 'Đắk Lắk' } });
    offA();
    fake.emit({ name: 'settings.changed', payload: { locale: 'vi', textScale: 125, hubUrl: '', commune: '', province: 'Đắk Lắk' } });
    expect(seen).toEqual(['a:en', 'b:en', 'b:vi']);
    expect(fake.open()).toBe(1);
    offB();
    expect(fake.open()).toBe(0);
  });

  it('reaches a real host over HTTP, getting the same structured errors', async () => {
    const harness = await startHostHarness();
    try {
      const client = createApiClient(httpTransport(`${harness.host.url}api/`));
      await expect(client.call('settings.get', {})).resolves.toEqual({
        ok: true,
        value: { locale: 'vi', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
      });
      const refused = await client.call('settings.update', { locale: 'fr' as 'vi' });
      expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', messageKey: 'errors:field.notAllowed', field: 'locale' } });
    } finally {
      await harness.close();
    }
  });

  it('says the host is unreachable instead of throwing when it is gone', async () => {
    const client = createApiClient(httpTransport('http://127.0.0.1:9/api/'));
    await expect(client.call('settings.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', messageKey: 'errors:api.unreachable' },
    });
  });
});
