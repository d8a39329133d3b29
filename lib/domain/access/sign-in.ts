import { eq } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { rateLimits, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import { publish } from "@/lib/live/events";
import { appendAudit } from "../audit/append";
import { recordRefusal } from "../audit/refusal";
import type { Actor, Ctx } from "../context";
import { RateLimited, ValidationError } from "../errors";
import { issuesOf } from "../validation";

const credentials = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(1000) });

// Failures a minute. The per-account budget is above what one address may spend, so hammering an
// account from one address (or two) cannot lock its owner out; it takes many addresses at once.
const FAILURES_PER_ADDRESS = 10;
const FAILURES_PER_ACCOUNT = 30;

// Kept in PostgreSQL so every app process counts against the same budget.
function limiter(db: Db, keyPrefix: string, points: number) {
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, points, duration: 60, keyPrefix });
}

/**
 * Checks a password sign-in. Each attempt is one audit event, except those refused past the
 * limit, which fold into one event a minute per address.
 */
export async function signIn(db: Db, ctx: Ctx, raw: unknown): Promise<Extract<Actor, { kind: "user" }> | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  const { email, password } = parsed.data;
  const anonymous = { ...ctx, actor: { kind: "anonymous" } as const };

  const budget = { byAddress: limiter(db, "signin:ip", FAILURES_PER_ADDRESS), byAccount: limiter(db, "signin:account", FAILURES_PER_ACCOUNT) };
  const ip = ctx.ip ?? "unknown";
  const wait = await reserve(budget, ip, email);
  if (wait !== null) {
    await recordRefusal(db, anonymous, { action: "auth.login", target: `user:${email}`, reason: "rate limited" });
    throw new RateLimited(wait);
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid || user.disabled) {
    await record(db, anonymous, email, "denied", user?.disabled && valid ? "user disabled" : "wrong email or password");
    return null;
  }
  // Only failures count: a success gives its reserved points back.
  await Promise.all([budget.byAddress.reward(ip), budget.byAccount.reward(email)]);
  const actor = { kind: "user", id: user.id, email: user.email, role: user.role, token: null } as const;
  await record(db, { ...ctx, actor }, email, "ok", null);
  return actor;
}

type Budget = Record<"byAddress" | "byAccount", RateLimiterDrizzle>;

/**
 * Reserves a point of the address's budget, then of the account's, before the password is checked,
 * so concurrent guesses cannot all pass a check made before any of them failed. An attempt the
 * address may not make never touches the account's budget. Returns the seconds to wait, if refused.
 */
async function reserve(budget: Budget, ip: string, email: string): Promise<number | null> {
  try {
    await budget.byAddress.consume(ip);
  } catch (refusal) {
    return secondsToWait(refusal);
  }
  try {
    await budget.byAccount.consume(email);
  } catch (refusal) {
    await budget.byAddress.reward(ip);
    return secondsToWait(refusal);
  }
  return null;
}

function secondsToWait(refusal: unknown): number {
  if (!(refusal instanceof RateLimiterRes)) throw refusal;
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

async function record(db: Db, ctx: Ctx, email: string, outcome: "ok" | "denied", reason: string | null) {
  await db.transaction(async (tx) => {
    const { id } = await appendAudit(tx, ctx, { action: "auth.login", target: `user:${email}`, outcome, reason });
    await publish(tx, [{ topic: "audit", id: String(id) }]);
  });
}
