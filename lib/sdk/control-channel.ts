import { backoffDelay, retryAfterDelay } from "./backoff";
import { pollControl } from "./control-poller";
import { streamControlOnce, type ConfigEvent } from "./control-stream";
import type { Transport } from "./http";
import { sleep } from "./sleep";

/** Reconnecting after errors or cuts: 1 s doubling to 30 s, each spread ±50 %. */
const RECONNECT = { baseMs: 1_000, maxMs: 30_000 };
/** A stream that ends sooner than this after opening was cut, not closed after a long life. */
const SHORT_LIVED_MS = 30_000;
/** Cuts in a row after which a proxy is taken to break the stream, and the long-poll used instead. */
const CUTS_BEFORE_FALLBACK = 3;
/** How long the long-poll stands in before the stream is tried again. */
const FALLBACK_FOR_MS = 10 * 60_000;

export type ControlPath = "stream" | "long-poll";

/**
 * Follows the control document until the transport closes: over the stream, which carries each
 * change and each config in its events, and over the long-poll while the stream is refused or
 * keeps being cut (a proxy that buffers or drops it). A lost console is retried with backoff; a
 * busy one after its `Retry-After`. The last document stays with the client meanwhile.
 */
export async function followControl(options: {
  transport: Transport;
  service: string;
  instance: string;
  environment: string;
  waitSeconds: number;
  fallbackIntervalMs: number;
  lastRevision: () => number | null;
  onDocument: (body: unknown, path: ControlPath) => void;
  onConfig: (event: ConfigEvent) => void;
  onPath: (path: ControlPath | null) => void;
  onError: (error: unknown) => void;
}): Promise<void> {
  const { transport } = options;
  let failures = 0;
  let cuts = 0;
  while (!transport.closed.aborted) {
    const end = await streamControlOnce({
      transport,
      service: options.service,
      instance: options.instance,
      environment: options.environment,
      lastEventId: options.lastRevision,
      onOpen: () => options.onPath("stream"),
      onDocument: (body) => options.onDocument(body, "stream"),
      onConfig: options.onConfig,
    });
    options.onPath(null);
    if (transport.closed.aborted) return;
    if (end.kind === "ended") {
      failures = 0;
      cuts = end.openForMs < SHORT_LIVED_MS ? cuts + 1 : 0;
      if (cuts < CUTS_BEFORE_FALLBACK) {
        await sleep(backoffDelay(Math.max(1, cuts), RECONNECT), transport.closed);
        continue;
      }
    } else if (end.kind === "failed") {
      options.onError(end.error);
      await sleep(backoffDelay(++failures, RECONNECT), transport.closed);
      continue;
    } else if (end.kind === "busy") {
      await sleep(retryAfterDelay(end.retryAfterMs), transport.closed);
      continue;
    }
    cuts = 0;
    options.onPath("long-poll");
    await pollControl({
      transport: { ...transport, closed: AbortSignal.any([transport.closed, AbortSignal.timeout(FALLBACK_FOR_MS)]) },
      service: options.service,
      instance: options.instance,
      waitSeconds: options.waitSeconds,
      fallbackIntervalMs: options.fallbackIntervalMs,
      onDocument: (body) => options.onDocument(body, "long-poll"),
      onError: options.onError,
    });
    options.onPath(null);
  }
}
