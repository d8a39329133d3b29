import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { tokens, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { tokenHash } from "@/lib/auth/tokens";
import type { Actor } from "../context";

/** The person behind a session, read afresh on every request so a disabled user or a lowered role takes effect at once. */
export async function sessionActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  return { kind: "user", id: user.id, email: user.email, role: user.role, token: null };
}

/** Which of these people may still act: those not disabled or removed since. */
export async function enabledUserIds(db: Db, ids: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Which of these personal tokens still exist: a revoked token's row is gone. */
export async function liveTokenIds(db: Db, ids: string[]): Promise<string[]> {
  const rows = await db.select({ id: tokens.id }).from(tokens).where(inArray(tokens.id, ids));
  return rows.map((r) => r.id);
}

export async function tokenActor(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: tokens.id,
      name: tokens.name,
      kind: tokens.kind,
      service: tokens.service,
      userId: users.id,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      lastUsedAt: tokens.lastUsedAt,
    })
    .from(tokens)
    .leftJoin(users, eq(users.id, tokens.userId))
    .where(eq(tokens.hash, tokenHash(token)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touch(db, row.id);
  if (row.kind === "service") return { kind: "service", tokenName: row.name, scope: row.service ?? "" };
  if (!row.userId || !row.email || !row.role || row.disabled) return null;
  return { kind: "user", id: row.userId, email: row.email, role: row.role, token: { id: row.id, name: row.name } };
}

// At most one write a minute per token, so a service reporting every second does not rewrite the row each time.
const TOUCH_EVERY_MS = 60_000;

async function touch(db: Db, id: string): Promise<void> {
  await db
    .update(tokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(tokens.id, id), or(isNull(tokens.lastUsedAt), lt(tokens.lastUsedAt, sql`now() - interval '1 minute'`))));
}
