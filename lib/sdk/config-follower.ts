import { backoffDelay } from "./backoff";
import { call, type Transport } from "./http";
import { sleep } from "./sleep";

export interface AppliedConfig {
  version: number;
  body: Record<string, unknown>;
}

export interface ConfigFollower {
  /** The control document names `version` as current: fetch it unless it is applied already. */
  follow(version: number): void;
  /** A config that came with its body (the control stream's `config` event): applied unless a newer one is. */
  offer(config: AppliedConfig): void;
  applied(): AppliedConfig | null;
}

/**
 * Keeps this instance on the config version the control document names. The control stream hands
 * bodies over as they are published; otherwise (the long-poll, or a body too large for an event)
 * the body is fetched once per change, conditionally on the version held, and a failed fetch is
 * retried with backoff until it succeeds or a newer version is named.
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

  const pause = (ms: number) => sleep(ms, options.transport.closed);

  return {
    follow(version) {
      if (version <= wanted) return;
      wanted = version;
      if (!fetching) void fetchUntilCurrent();
    },
    offer(config) {
      if (config.version <= (applied?.version ?? 0)) return;
      applied = config;
      wanted = Math.max(wanted, config.version);
      options.onApplied(config);
    },
    applied: () => applied,
  };
}

/** A config version with its body, or null when the answer is not one. */
export function parseConfig(body: unknown): AppliedConfig | null {
  const candidate = body as { version?: unknown; body?: unknown } | null;
  if (!candidate || typeof candidate.version !== "number" || typeof candidate.body !== "object" || candidate.body === null || Array.isArray(candidate.body)) return null;
  return { version: candidate.version, body: candidate.body as Record<string, unknown> };
}
