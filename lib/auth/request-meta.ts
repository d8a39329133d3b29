import { randomUUID } from "node:crypto";

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client's address is `X-Forwarded-For`, which the console's and the lane's own servers set to
 * the one address the socket and `TRUSTED_PROXIES` vouch for (`lib/http/client-address.ts`).
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: headers.get("x-request-id")?.slice(0, 100) || randomUUID(),
    ip: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent")?.slice(0, 500) ?? null,
  };
}
