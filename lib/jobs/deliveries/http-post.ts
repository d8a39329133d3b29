/** What one attempt at a receiver came to. */
export interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** A refusal retrying cannot fix. */
  permanent: boolean;
}

const TIMEOUT_MS = 10_000;

// 408 and 429 say "later"; any other 4xx says the request itself is wrong.
const retryable4xx = new Set([408, 425, 429]);

export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Breakwater", ...headers },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    const text = await res.text().catch(() => "");
    if (res.ok) return { ok: true, statusCode: res.status, error: null, durationMs: elapsed(), permanent: false };
    const permanent = res.status >= 400 && res.status < 500 && !retryable4xx.has(res.status);
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ""}`, durationMs: elapsed(), permanent };
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error), durationMs: elapsed(), permanent: false };
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
