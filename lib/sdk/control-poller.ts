import { backoffDelay, spreadInterval } from "./backoff";
import { call, type Transport } from "./http";
import { sleep } from "./sleep";

/** A 304 sooner than this was not held by the console, so asking again at once could spin. */
const HELD_AT_LEAST_MS = 1_000;
/** The most an instance pauses after such an early 304 before waiting on the console again. */
const EARLY_ANSWER_MAX_PAUSE_MS = 5_000;

/**
 * Long-polls `GET /api/v1/control/{service}` until the transport closes: each request carries the
 * last ETag and `?wait=`, so the console answers as soon as the document changes. Errors back off.
 * An answer without a usable ETag means a console that cannot long-poll: plain polling every
 * `fallbackIntervalMs` then. A 304 that came back early (a wait cut short, as when the console
 * restarts) pauses briefly, longer the more of them come in a row but never more than 5 s, so a
 * flip right after one still arrives within seconds, not a whole report interval later.
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
  const earlyPause = { baseMs: 500, maxMs: Math.min(EARLY_ANSWER_MAX_PAUSE_MS, options.fallbackIntervalMs) };
  let etag: string | null = null;
  let failures = 0;
  let earlyAnswers = 0;
  while (!transport.closed.aborted) {
    let pause = 0;
    const startedAt = Date.now();
    try {
      const answer = await call(transport, "GET", etag ? `${base}&wait=${options.waitSeconds}` : base, {
        headers: etag ? { "if-none-match": etag } : {},
        timeoutMs: (options.waitSeconds + 15) * 1_000,
      });
      failures = 0;
      const early = answer.status === 304 && Date.now() - startedAt < HELD_AT_LEAST_MS;
      earlyAnswers = early ? earlyAnswers + 1 : 0;
      if (early) pause = backoffDelay(earlyAnswers, earlyPause);
      if (answer.status === 200) {
        const next = answer.headers.get("etag");
        if (!next || next === etag) pause = spreadInterval(options.fallbackIntervalMs);
        etag = next;
        options.onDocument(answer.body);
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
