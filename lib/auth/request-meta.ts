import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { addressFromChain, parseTrustedProxies, type TrustedProxies } from "@/lib/http/client-address";

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

let trusted: { from: string; proxies: TrustedProxies } | null = null;

function trustedProxies(): TrustedProxies {
  const from = env().TRUSTED_PROXIES;
  if (trusted?.from !== from) trusted = { from, proxies: parseTrustedProxies(from) };
  return trusted.proxies;
}

/**
 * The client's address: the connection's peer, which ends `X-Forwarded-For` on both the console and
 * the lane, or, when that peer is a trusted proxy, the hop it appended (`lib/http/client-address.ts`).
 */
export function requestMeta(headers: Pick<Headers, "get">): RequestMeta {
  return {
    requestId: headers.get("x-request-id")?.slice(0, 100) || randomUUID(),
    ip: addressFromChain(headers.get("x-forwarded-for"), trustedProxies()),
    userAgent: headers.get("user-agent")?.slice(0, 500) ?? null,
  };
}
