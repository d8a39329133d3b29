import { backoffDelay } from "./backoff";
import type { BreakerEvent } from "./types";

export interface EventOutbox {
  push(event: BreakerEvent): void;
  close(): void;
}

/**
 * Breaker transitions on their way to the console: sent almost at once, batched when several
 * happen together, retried with backoff while the console is away. The buffer is bounded; when
 * it overflows the oldest transitions go first, since the reports carry the current state anyway.
 */
export function createEventOutbox(options: {
  send: (events: BreakerEvent[]) => Promise<void>;
  onError: (error: unknown) => void;
  limit?: number;
  batchDelayMs?: number;
}): EventOutbox {
  const limit = options.limit ?? 500;
  const batchDelayMs = options.batchDelayMs ?? 20;
  let pending: BreakerEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending = false;
  let failures = 0;
  let closed = false;

  const schedule = (delayMs: number) => {
    if (closed || timer || sending || pending.length === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
  };

  const flush = async () => {
    const batch = pending;
    pending = [];
    sending = true;
    try {
      await options.send(batch);
      failures = 0;
    } catch (error) {
      if (closed) return;
      failures += 1;
      pending = [...batch, ...pending].slice(-limit);
      options.onError(error);
    } finally {
      sending = false;
    }
    schedule(failures === 0 ? batchDelayMs : backoffDelay(failures));
  };

  return {
    push(event) {
      if (closed) return;
      pending.push(event);
      if (pending.length > limit) pending.splice(0, pending.length - limit);
      if (failures === 0) schedule(batchDelayMs);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
