import type { ApiEvent, EventName, EventPayload } from '../contract/events';

export type EventListener = (event: ApiEvent) => void;

/** The core's announcements, fanned out to every transport that listens. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as ApiEvent;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener (a closed window, a dropped stream) must not stop the others.
        console.error(`chieng: event listener failed for ${name}:`, error);
      }
    }
  }
}
