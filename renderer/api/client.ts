import type {
  ApiEvent,
  ApiInput,
  ApiOutput,
  EventName,
  EventPayload,
  MethodName,
  Result,
  ScreenChoice,
  Transport,
} from '../../electron/core/contract';

/** The UI's one way to reach the core, typed by the contract, blind to the transport. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  upload(file: File): Promise<Result<{ uploadId: string }>>;
  download(downloadId: string, fileName: string): Promise<Result<{ saved: boolean }>>;
  materialUrl(packId: string, path: string): string;
  screens(): Promise<readonly ScreenChoice[]>;
  presentOn(screenId: number | null): Promise<boolean>;
}

export function createApiClient(transport: Transport): ApiClient {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | undefined;

  const dispatch = (event: ApiEvent) => {
    for (const listener of listeners.get(event.name) ?? []) (listener as (payload: typeof event.payload) => void)(event.payload);
  };

  return {
    call: (method, input) => transport.invoke(method, input) as Promise<Result<ApiOutput<typeof method>>>,
    upload: (file) => transport.upload(file),
    download: (downloadId, fileName) => transport.download(downloadId, fileName),
    materialUrl: (packId, path) => transport.materialUrl(packId, path),
    screens: () => transport.screens(),
    presentOn: (screenId) => transport.presentOn(screenId),
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      // One subscription to the transport, shared by every listener, opened on first use.
      unsubscribe ??= transport.subscribe(dispatch);
      return () => {
        set.delete(listener);
        if ([...listeners.values()].every((each) => each.size === 0)) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      };
    },
  };
}
