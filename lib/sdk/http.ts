export class BreakwaterHttpError extends Error {
  override name = "BreakwaterHttpError";
  constructor(
    readonly status: number,
    readonly path: string,
    detail: string,
    /** A busy console's `Retry-After` (503), in milliseconds; null when it named none. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${path} answered ${status}${detail ? `: ${detail}` : ""}`);
  }
}

export interface Transport {
  url: string;
  token: string;
  fetch: typeof fetch;
  /** Aborted when the client closes, cancelling every request in flight. */
  closed: AbortSignal;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * One call to the console. Answers other than 2xx and 304 throw, after the body is read so the
 * keep-alive connection is reused.
 */
export async function call(
  transport: Transport,
  method: "GET" | "POST",
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; timeoutMs: number },
): Promise<Answer> {
  const response = await transport.fetch(new URL(path, transport.url), {
    method,
    headers: {
      authorization: `Bearer ${transport.token}`,
      accept: "application/json",
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.any([transport.closed, AbortSignal.timeout(options.timeoutMs)]),
  });
  const text = await response.text();
  if (!response.ok && response.status !== 304) {
    throw new BreakwaterHttpError(response.status, path, text.slice(0, 300), retryAfterOf(response));
  }
  return { status: response.status, headers: response.headers, body: text ? safeJson(text) : null };
}

/** `Retry-After` in seconds (the console never sends a date), capped so a wrong header cannot park an instance for long. */
export function retryAfterOf(response: Response): number | null {
  const seconds = Number(response.headers.get("retry-after") ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 300) * 1_000 : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
