import { asc, isNull, lte, or, sql } from "drizzle-orm";
import { alertRules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { ingestAlerts } from "../alerts/ingest";
import { systemCtx } from "../context";
import { ruleAlert } from "./rule-alert";
import { holds, nextState } from "./rule-state";
import { valueAt } from "./window-value";

export const EVALUATE_EVERY_SECONDS = 15;
const BATCH = 50;

/**
 * Evaluates the rules due at `now`. Each process claims a batch with `FOR UPDATE SKIP LOCKED`, so
 * a rule is evaluated by one process per round; a firing or a resolution goes through the alerts'
 * own intake in the same transaction as the rule's new state. Returns how many were evaluated.
 */
export async function evaluateRules(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(alertRules)
      .where(or(isNull(alertRules.evaluatedAt), lte(alertRules.evaluatedAt, new Date(now.getTime() - EVALUATE_EVERY_SECONDS * 1000))))
      .orderBy(asc(alertRules.evaluatedAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    for (const rule of due) {
      const [row] = await tx.execute<{ value: number | null }>(sql`select ${valueAt(rule, sql`${now.toISOString()}::timestamptz`)} as value`);
      const value = row?.value ?? null;
      const { state, change } = nextState(rule, holds(value, rule.comparator, rule.threshold), now, rule.forSeconds);
      await tx
        .update(alertRules)
        .set({ ...state, lastValue: value, evaluatedAt: now })
        .where(sql`${alertRules.id} = ${rule.id}`);
      if (change === "fire") await ingestAlerts(systemCtx("rules"), [ruleAlert(rule, { status: "firing", startsAt: state.pendingSince! }, value)], tx);
      if (change === "resolve") await ingestAlerts(systemCtx("rules"), [ruleAlert(rule, { status: "resolved", endsAt: now }, value)], tx);
    }
    return due.length;
  });
}
