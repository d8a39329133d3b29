import type { Db } from "@/lib/db/client";
import { tokenHash } from "@/lib/auth/tokens";
import { BoundedCache } from "../bounded-cache";
import type { Actor } from "../context";
import { tokenActor } from "./principal";

/**
 * How long the lane trusts a token it has verified. A revoked token, a disabled user or a lowered
 * role takes effect on the lane within this long (the console's own routes read afresh every time).
 */
export const TOKEN_TRUST_MS = 5_000;
// Keyed by the token's hash, never the token; unknown tokens are not kept, so guessing fills nothing.
const MAX_CACHED_TOKENS = 10_000;

const verified = new BoundedCache<string, { actor: Actor; until: number }>(MAX_CACHED_TOKENS);

/**
 * `tokenActor` for the fleet's path: a fleet sends the same few tokens thousands of times a second,
 * and reading the token row for each request was a round trip per report. The row is read (and
 * `lastUsedAt` touched, at most once a minute) once per `TOKEN_TRUST_MS` per token.
 */
export async function cachedTokenActor(db: Db, token: string): Promise<Actor | null> {
  const key = tokenHash(token);
  const now = Date.now();
  const hit = verified.get(key);
  if (hit && hit.until > now) return hit.actor;
  const actor = await tokenActor(db, token);
  if (actor) verified.set(key, { actor, until: now + TOKEN_TRUST_MS });
  else verified.delete(key);
  return actor;
}
