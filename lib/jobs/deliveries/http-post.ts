import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { resolveChecked } from "@/lib/domain/channels/outbound-guard";

/** What one attempt at a receiver came to. */
export interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** A refusal retrying cannot fix. */
  permanent: boolean;
}

export const SEND_TIMEOUT_MS = 10_000;
/** A receiver's answer is read up to this much and no further; only its start is kept. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
const SHOWN_CHARS = 300;

// 408 and 429 say "later"; any other 4xx says the request itself is wrong.
const retryable4xx = new Set([408, 425, 429]);

/**
 * POSTs to a receiver at the address `resolveChecked` allowed, pinned: the connection goes to that
 * address (TLS still checks the name), so DNS rebinding cannot swap it. Redirects are not followed.
 */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = new URL(url);
    const address = await resolveChecked(target.hostname);
    const res = await send(target, address, body, { "content-type": "application/json", "user-agent": "Breakwater", ...headers });
    const status = res.statusCode ?? 0;
    const text = await readCapped(res);
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, error: null, durationMs: elapsed(), permanent: false };
    if (status >= 300 && status < 400) return { ok: false, statusCode: status, error: `HTTP ${status}: redirects are not followed`, durationMs: elapsed(), permanent: true };
    const permanent = status >= 400 && status < 500 && !retryable4xx.has(status);
    return { ok: false, statusCode: status, error: `HTTP ${status}${text ? `: ${text.slice(0, SHOWN_CHARS)}` : ""}`, durationMs: elapsed(), permanent };
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error), durationMs: elapsed(), permanent: false };
  }
}

function send(target: URL, address: string, body: string, headers: Record<string, string>): Promise<IncomingMessage> {
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: address,
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: "POST",
        headers: { ...headers, host: target.host, "content-length": String(Buffer.byteLength(body)) },
        // TLS checks the certificate against the name, not the pinned address (SNI takes no IP).
        servername: isIP(bareHost(target.hostname)) ? undefined : target.hostname,
        auth: target.username ? `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` : undefined,
        timeout: SEND_TIMEOUT_MS,
        agent: false,
      },
      resolve,
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${SEND_TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end(body);
  });
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "");
}

/** The start of a response body, reading no more than MAX_RESPONSE_BYTES before hanging up. */
function readCapped(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"));
    res.on("data", (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
      size += chunk.length;
      if (size >= MAX_RESPONSE_BYTES) {
        res.destroy();
        done();
      }
    });
    res.on("end", done);
    res.on("error", done);
  });
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
