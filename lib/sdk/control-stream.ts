import { retryAfterOf, type Transport } from "./http";
import { createSseParser } from "./sse-parser";

/** The console sends a comment at least every 15 s; this long without a byte means the stream is dead or held by a buffering proxy. */
const IDLE_LIMIT_MS = 25_000;

export type StreamEnd =
  /** The console (or a proxy before it) does not serve the stream: 404, 405, 501, or an answer that is not an event stream. */
  | { kind: "refused" }
  /** 503 with `Retry-After`: the console is too busy to take another stream now. */
  | { kind: "busy"; retryAfterMs: number }
  /** No answer, or another error status. */
  | { kind: "failed"; error: unknown }
  /** The stream was open and ended: the console stopped, a proxy cut it, or it fell silent. */
  | { kind: "ended"; openForMs: number };

export interface ConfigEvent {
  environment: string;
  version: number;
  body?: unknown;
  tooLarge?: boolean;
}

/**
 * One connection to `GET /api/v1/control/{service}/stream`, until it ends: each `control` event is
 * handed over as it arrives, and so is each `config` event. `lastEventId` resumes: a console whose
 * revision is still that one sends nothing until the next change.
 */
export async function streamControlOnce(options: {
  transport: Transport;
  service: string;
  instance: string;
  environment: string;
  lastEventId: () => number | null;
  onOpen: () => void;
  onDocument: (body: unknown) => void;
  onConfig: (event: ConfigEvent) => void;
}): Promise<StreamEnd> {
  const { transport } = options;
  const path = `/api/v1/control/${encodeURIComponent(options.service)}/stream?instance=${encodeURIComponent(options.instance)}&environment=${encodeURIComponent(options.environment)}`;
  const idle = new AbortController();
  let idleTimer = setTimeout(() => idle.abort(), IDLE_LIMIT_MS);
  const stillAlive = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => idle.abort(), IDLE_LIMIT_MS);
  };
  const lastEventId = options.lastEventId();
  let response: Response;
  try {
    response = await transport.fetch(new URL(path, transport.url), {
      headers: {
        authorization: `Bearer ${transport.token}`,
        accept: "text/event-stream",
        ...(lastEventId === null ? {} : { "last-event-id": String(lastEventId) }),
      },
      signal: AbortSignal.any([transport.closed, idle.signal]),
    });
  } catch (error) {
    clearTimeout(idleTimer);
    return { kind: "failed", error };
  }
  const busy = response.status === 503 ? retryAfterOf(response) : null;
  const streams = response.ok && (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
  if (!streams || !response.body) {
    clearTimeout(idleTimer);
    await response.body?.cancel().catch(() => {});
    if (busy !== null) return { kind: "busy", retryAfterMs: busy };
    if ([404, 405, 501].includes(response.status) || response.ok) return { kind: "refused" };
    return { kind: "failed", error: new Error(`The control stream answered ${response.status}.`) };
  }

  const openedAt = Date.now();
  options.onOpen();
  const feed = createSseParser(({ event, data }) => {
    const body = safeJson(data);
    if (event === "control") options.onDocument(body);
    else if (event === "config" && isConfigEvent(body)) options.onConfig(body);
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  stillAlive();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stillAlive();
      feed(value);
    }
  } catch {
    // A cut connection or the idle limit: both are the stream ending.
  } finally {
    clearTimeout(idleTimer);
    reader.cancel().catch(() => {});
  }
  return { kind: "ended", openForMs: Date.now() - openedAt };
}

function isConfigEvent(body: unknown): body is ConfigEvent {
  const event = body as Partial<ConfigEvent> | null;
  return !!event && typeof event.environment === "string" && typeof event.version === "number";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
