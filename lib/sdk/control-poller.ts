import { backoffDelay, spreadInterval } from "./backoff";
import { call, type Transport } from "./http";

/**
 * Long-polls `GET /api/v1/control/{service}` until the transport closes: each request carries the
 * last ETag and `?wait=`, so the console answers as soon as the document changes. Errors back off;
 * an answer without a usable ETag, or a 304 that did not wait (a console that does not long-poll),
 * falls back to plain polling rather than spinning.
 */
export async function pollControl(options: {
  transport: Transport;
  service: string;
  instance: string;
  waitSeconds: number;
  fallbackIntervalMs: number;
  onDocument: (body: unknown) => void;
  onError: (error: unknown) => void;
}): Promise<void> {
  const { transport } = options;
  const base = `/api/v1/control/${encodeURIComponent(options.service)}?instance=${encodeURIComponent(options.instance)}`;
  let etag: string | null = null;
  let failures = 0;
  while (!transport.closed.aborted) {
    let pause = 0;
    const startedAt = Date.now();
    try {
      const answer = await call(transport, "GET", etag ? `${base}&wait=${options.waitSeconds}` : base, {
        headers: etag ? { "if-none-match": etag } : {},
        timeoutMs: (options.waitSeconds + 15) * 1_000,
      });
      failures = 0;
      if (answer.status === 200) {
        const next = answer.headers.get("etag");
        if (!next || next === etag) pause = spreadInterval(options.fallbackIntervalMs);
        etag = next;
        options.onDocument(answer.body);
      } else if (Date.now() - startedAt < 1_000) {
        pause = spreadInterval(options.fallbackIntervalMs);
      }
    } catch (error) {
      if (transport.closed.aborted) return;
      failures += 1;
      options.onError(error);
      pause = backoffDelay(failures);
    }
    if (pause > 0) await sleep(pause, transport.closed);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
