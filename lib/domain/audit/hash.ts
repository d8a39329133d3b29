import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

/** The fields an event's hash covers, in a form that survives a round trip through jsonb. */
export interface ChainedFields {
  at: Date;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** Absent from events written before tokens were recorded, so only a set one joins the hash. */
  tokenId?: string | null;
  tokenName?: string | null;
}

/**
 * SHA-256 over the previous hash and the RFC 8785 canonical JSON of the event, so key order never
 * matters. The fields are picked one by one: a stored row also carries its id and hashes.
 */
export function chainHash(prevHash: string, event: ChainedFields): string {
  const body = canonicalize({
    at: event.at.toISOString(),
    actor: event.actor,
    role: event.role,
    action: event.action,
    target: event.target,
    outcome: event.outcome,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    ...(event.tokenId ? { tokenId: event.tokenId, tokenName: event.tokenName ?? null } : {}),
  });
  return createHash("sha256").update(prevHash).update("\n").update(body ?? "").digest("hex");
}

/** Plain JSON (dates as strings, no undefined), exactly what jsonb gives back. */
export function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
