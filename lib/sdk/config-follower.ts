import { backoffDelay } from "./backoff";
import { call, type Transport } from "./http";

export interface AppliedConfig {
  version: number;
  body: Record<string, unknown>;
}

export interface ConfigFollower {
  /** The control document names `version` as current: fetch it unless it is applied already. */
  follow(version: number): void;
  applied(): AppliedConfig | null;
}

/**
 * Keeps this instance on the config version the control document names. The control document
 * carries only the version, so the body is fetched once per change, conditionally on the version
 * held; a failed fetch is retried with backoff until it succeeds or a newer version is named.
 */
export function createConfigFollower(options: {
  transport: Transport;
  service: string;
  environment: string;
  onApplied: (config: AppliedConfig) => void;
  onError: (error: unknown) => void;
}): ConfigFollower {
  const path = `/api/v1/config/${encodeURIComponent(options.service)}/${encodeURIComponent(options.environment)}`;
  let applied: AppliedConfig | null = null;
  let wanted = 0;
  let fetching = false;

  const fetchUntilCurrent = async () => {
    fetching = true;
    let failures = 0;
    try {
      while (!options.transport.closed.aborted && (applied?.version ?? 0) < wanted) {
        try {
          const answer = await call(options.transport, "GET", path, {
            headers: applied ? { "if-none-match": `"${applied.version}"` } : {},
            timeoutMs: 10_000,
          });
          failures = 0;
          const next = answer.status === 200 ? parseConfig(answer.body) : null;
          if (next && next.version > (applied?.version ?? 0)) {
            applied = next;
            options.onApplied(next);
          } else if ((applied?.version ?? 0) < wanted) {
            // The console answered an older version than its control document named; ask again shortly.
            await pause(backoffDelay(1));
          }
        } catch (error) {
          if (options.transport.closed.aborted) return;
          options.onError(error);
          await pause(backoffDelay(++failures));
        }
      }
    } finally {
      fetching = false;
    }
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      options.transport.closed.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        options.transport.closed.removeEventListener("abort", done);
        resolve();
      }
    });

  return {
    follow(version) {
      if (version <= wanted) return;
      wanted = version;
      if (!fetching) void fetchUntilCurrent();
    },
    applied: () => applied,
  };
}

function parseConfig(body: unknown): AppliedConfig | null {
  const candidate = body as { version?: unknown; body?: unknown } | null;
  if (!candidate || typeof candidate.version !== "number" || typeof candidate.body !== "object" || candidate.body === null || Array.isArray(candidate.body)) return null;
  return { version: candidate.version, body: candidate.body as Record<string, unknown> };
}
