import { eq } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { rateLimits, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import { publish } from "@/lib/live/events";
import { appendAudit } from "../audit/append";
import type { Actor, Ctx } from "../context";
import { RateLimited, ValidationError } from "../errors";
import { issuesOf } from "../validation";

const credentials = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(1000) });

const ATTEMPTS_PER_MINUTE = 10;

// Kept in PostgreSQL so every app process counts against the same budget.
function limiter(db: Db, keyPrefix: string) {
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, points: ATTEMPTS_PER_MINUTE, duration: 60, keyPrefix });
}

/** Checks a password sign-in; every attempt, refused or not, is one audit event. */
export async function signIn(db: Db, ctx: Ctx, raw: unknown): Promise<Extract<Actor, { kind: "user" }> | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  const { email, password } = parsed.data;

  const limited = await overLimit(db, ctx.ip ?? "unknown", email);
  if (limited) {
    await record(db, ctx, email, "denied", "rate limited");
    throw new RateLimited(limited);
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid || user.disabled) {
    await record(db, ctx, email, "denied", user?.disabled && valid ? "user disabled" : "wrong email or password");
    return null;
  }
  const actor = { kind: "user", id: user.id, email: user.email, role: user.role, via: "session" } as const;
  await record(db, { ...ctx, actor }, email, "ok", null);
  return actor;
}

async function overLimit(db: Db, ip: string, email: string): Promise<number | null> {
  const results = await Promise.allSettled([limiter(db, "signin:ip").consume(ip), limiter(db, "signin:email").consume(email)]);
  const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (refused.length === 0) return null;
  const waits = refused.map((r) => (r instanceof RateLimiterRes ? r.msBeforeNext : 60_000));
  if (refused.some((r) => !(r instanceof RateLimiterRes))) throw refused.find((r) => !(r instanceof RateLimiterRes));
  return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}

async function record(db: Db, ctx: Ctx, email: string, outcome: "ok" | "denied", reason: string | null) {
  const actorCtx = ctx.actor.kind === "anonymous" ? { ...ctx, actor: { kind: "anonymous" } as const } : ctx;
  await db.transaction(async (tx) => {
    const { id } = await appendAudit(tx, actorCtx, { action: "auth.login", target: `user:${email}`, outcome, reason });
    await publish(tx, [{ topic: "audit", id: String(id) }]);
  });
}
