// Every method of the contract over the HTTP host: a page of another origin reaches none of
// them, and a locked laptop answers its own pages only what its access rules allow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../electron/core/contract';
import { ok } from '../../support/core-harness';
import { startHostHarness, type HostHarness } from '../../support/host-harness';
import { methodSamples, type MethodSamples } from '../../support/method-samples';
import { rawRequest } from '../../support/raw-http';

const methods = Object.keys(contract) as MethodName[];
const isOpen = (method: MethodName) => contract[method].access === 'open';

let harness: HostHarness;
let samples: MethodSamples;
beforeAll(async () => {
  harness = await startHostHarness();
  await ok(harness.core, 'profiles.save', { name: "H'Linh Niê", pin: '2468' });
  samples = methodSamples((await ok(harness.core, 'profiles.session', {})).activeId ?? '');
  await ok(harness.core, 'profiles.lock', {});
});
afterAll(() => harness.close());

function post(method: MethodName, headers: Record<string, string>) {
  return rawRequest(harness.host.port, {
    method: 'POST',
    path: `/api/call/${method}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(samples[method]),
  });
}

const foreign = { code: 'forbidden', messageKey: 'errors:api.forbidden' };

describe('the HTTP host', () => {
  it.each(methods)('refuses %s to a page of another origin', async (method) => {
    const response = await post(method, { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: foreign });
  });

  it.each(methods)('refuses %s to a cross-site request that names no origin', async (method) => {
    const response = await post(method, { 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: foreign });
  });

  it.each(methods)('answers %s to its own page by the rule of its spec, while locked', async (method) => {
    const response = await post(method, { Origin: `http://127.0.0.1:${harness.host.port}`, 'Sec-Fetch-Site': 'same-origin' });
    const body = JSON.parse(response.body) as { ok: boolean; error?: { messageKey: string } };
    if (isOpen(method)) expect(body.error?.messageKey).not.toBe('profiles:locked');
    else {
      expect(response.status).toBe(403);
      expect(body).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'profiles:locked' } });
    }
  });
});
