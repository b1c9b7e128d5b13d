// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, ApiEvent, ApiInput, MethodName, Result, Session, Transport } from '../../../electron/core/contract';
import { ApiProvider } from '../../../renderer/api/api-context';
import { createApiClient } from '../../../renderer/api/client';
import { useQuery, type QueryOptions } from '../../../renderer/api/use-query';

interface Question {
  readonly method: string;
  readonly input: unknown;
  readonly answer: (result: Result<unknown>) => Promise<void>;
}

/** A core whose every answer waits until the test gives it, in whatever order the test likes. */
function fakeCore() {
  const questions: Question[] = [];
  const listeners = new Set<(event: ApiEvent) => void>();
  const transport: Transport = {
    invoke: (method, input) =>
      new Promise((resolve) => {
        questions.push({
          method,
          input,
          // Inside act, so that the hook's state settles before the test looks.
          answer: (result) =>
            act(async () => {
              resolve(result);
              await Promise.resolve();
            }),
        });
      }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    upload: () => Promise.resolve({ ok: true, value: { uploadId: 'u' } }),
    download: () => Promise.resolve({ ok: true, value: { saved: true } }),
    materialUrl: (packId, path) => `test://${packId}/${path}`,
    screens: () => Promise.resolve([]),
    presentOn: () => Promise.resolve(false),
  };
  const client = createApiClient(transport);
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(ApiProvider, { value: { client, transportKind: 'http' }, children });
  return {
    questions,
    wrapper,
    emit: (event: ApiEvent) => act(() => listeners.forEach((listener) => listener(event))),
  };
}

/** Renders the hook with an input the test can change, as a screen's props would. */
function renderQuery<M extends MethodName>(core: ReturnType<typeof fakeCore>, method: M, input: ApiInput<M>, options?: QueryOptions) {
  return renderHook(({ input, options }) => useQuery(method, input, options), {
    initialProps: { input, options },
    wrapper: core.wrapper,
  });
}

const entries = (...names: string[]) => ({ ok: true, value: { entries: names } }) as const;
const hits = (...names: string[]) => ({ ok: true, value: { hits: names, total: names.length } }) as const;
const locked: ApiError = { code: 'forbidden', messageKey: 'profiles:locked' };
const session = (isLocked: boolean): Session => ({ profiles: [], activeId: 'p1', locked: isLocked, idleLockMinutes: 0, deviceId: 'd1' });

afterEach(cleanup);

describe('useQuery', () => {
  it('drops a slower answer to an earlier question: the newer one stays on screen', async () => {
    const core = fakeCore();
    const query = renderQuery(core, 'library.search', { query: 'a' }, { scope: 'search' });
    // Typing on: "ab" is asked while the answer for "a" is still on its way.
    query.rerender({ input: { query: 'ab' }, options: { scope: 'search' } });
    expect(core.questions.map((question) => question.input)).toEqual([{ query: 'a' }, { query: 'ab' }]);

    await core.questions[1]!.answer(hits('ab-1'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { hits: ['ab-1'] } });
    await core.questions[0]!.answer(hits('a-1', 'a-2'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { hits: ['ab-1'] } });
  });

  it('drops a slower answer to the same question asked earlier', async () => {
    const core = fakeCore();
    const query = renderQuery(core, 'registry.list', { registry: 'villages' }, { on: { 'registry.changed': true } });
    core.emit({ name: 'registry.changed', payload: { registry: 'villages' } });
    expect(core.questions).toHaveLength(2);

    await core.questions[1]!.answer(entries('Buôn Ea Sup', 'Buôn Đôn'));
    await core.questions[0]!.answer(entries('Buôn Ea Sup'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Buôn Ea Sup', 'Buôn Đôn'] } });
  });

  it('asks again on a matching event, keeping the last answer meanwhile, and not on others', async () => {
    const core = fakeCore();
    const query = renderQuery(
      core,
      'registry.list',
      { registry: 'villages' },
      { on: { 'registry.changed': (event) => event.registry === 'villages' } },
    );
    await core.questions[0]!.answer(entries('Buôn Ea Sup'));

    core.emit({ name: 'registry.changed', payload: { registry: 'figures' } });
    core.emit({ name: 'library.changed', payload: {} });
    expect(core.questions).toHaveLength(1);

    core.emit({ name: 'registry.changed', payload: { registry: 'villages' } });
    expect(core.questions).toHaveLength(2);
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Buôn Ea Sup'] } });
    await core.questions[1]!.answer(entries('Buôn Ea Sup', 'Buôn Đôn'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Buôn Ea Sup', 'Buôn Đôn'] } });
  });

  it("does not show another question's answer, unless both are in one scope", async () => {
    const core = fakeCore();
    const query = renderQuery(core, 'registry.list', { registry: 'villages' });
    await core.questions[0]!.answer(entries('Buôn Ea Sup'));
    query.rerender({ input: { registry: 'figures' }, options: {} });
    expect(query.result.current).toMatchObject({ status: 'loading', value: undefined, error: null });
    await core.questions[1]!.answer(entries('Y Moan'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Y Moan'] } });

    // Within one scope (a list whose filter changes) the last answer stays in view meanwhile.
    const scoped = renderQuery(core, 'registry.list', { registry: 'figures' }, { scope: 'figures' });
    await core.questions[2]!.answer(entries('Y Moan', 'H Hen'));
    scoped.rerender({ input: { registry: 'figures', text: 'moan' }, options: { scope: 'figures' } });
    expect(scoped.result.current).toMatchObject({ status: 'loading', value: { entries: ['Y Moan', 'H Hen'] } });
  });

  it('asks again once the app is unlocked when the answer was refused because it was locked', async () => {
    const core = fakeCore();
    const query = renderQuery(core, 'registry.list', { registry: 'villages' });
    await core.questions[0]!.answer({ ok: false, error: locked });
    expect(query.result.current).toMatchObject({ status: 'answered', error: locked });

    core.emit({ name: 'profiles.changed', payload: session(true) });
    expect(core.questions).toHaveLength(1);
    core.emit({ name: 'profiles.changed', payload: session(false) });
    expect(core.questions).toHaveLength(2);
    await core.questions[1]!.answer(entries('Buôn Ea Sup'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Buôn Ea Sup'] }, error: null });

    // An answer that was not refused is not asked again.
    core.emit({ name: 'profiles.changed', payload: session(false) });
    expect(core.questions).toHaveLength(2);
  });

  it('asks again when the app is unlocked while a question is on its way (it may come back refused)', async () => {
    const core = fakeCore();
    const query = renderQuery(core, 'registry.list', { registry: 'villages' });
    core.emit({ name: 'profiles.changed', payload: session(false) });
    expect(core.questions).toHaveLength(2);
    await core.questions[1]!.answer(entries('Buôn Ea Sup'));
    await core.questions[0]!.answer({ ok: false, error: locked });
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Buôn Ea Sup'] }, error: null });
  });

  it('asks nothing while disabled', () => {
    const core = fakeCore();
    const query = renderQuery(core, 'library.search', { query: '' }, { enabled: false });
    expect(core.questions).toHaveLength(0);
    expect(query.result.current).toMatchObject({ status: 'off', value: undefined });
  });

  it('drops an answer the caller does not accept when it arrives', async () => {
    const core = fakeCore();
    let saving = true;
    const query = renderQuery(core, 'registry.list', { registry: 'villages' }, { accept: () => !saving });
    await core.questions[0]!.answer(entries('before the edit was saved'));
    expect(query.result.current).toMatchObject({ status: 'loading', value: undefined });

    saving = false;
    act(() => query.result.current.reload());
    await core.questions[1]!.answer(entries('after the edit was saved'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['after the edit was saved'] } });
  });

  it('shows a value given to it, until the answer to the latest question comes', async () => {
    const core = fakeCore();
    const query = renderQuery(core, 'registry.list', { registry: 'villages' }, { on: { 'registry.changed': true } });
    await core.questions[0]!.answer(entries('Buôn Ea Sup'));
    core.emit({ name: 'registry.changed', payload: { registry: 'villages' } });
    act(() => query.result.current.show({ entries: [] }));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: [] } });
    expect(core.questions).toHaveLength(2);
    await core.questions[1]!.answer(entries('Buôn Đôn'));
    expect(query.result.current).toMatchObject({ status: 'answered', value: { entries: ['Buôn Đôn'] } });
  });
});
