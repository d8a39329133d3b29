import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { ruleFields } from "./rule-input";
import { holds, nextState, type RuleState } from "./rule-state";
import { valueAt } from "./window-value";
import type { z } from "zod";

/** The longest window a preview evaluates: each of its 288 steps reads one window of points. */
export const MAX_PREVIEW_WINDOW_SECONDS = 3_600;

export const previewRuleInput = ruleFields
  .pick({ service: true, metric: true, tags: true, aggregation: true, windowSeconds: true, comparator: true, threshold: true, forSeconds: true })
  .extend({ windowSeconds: ruleFields.shape.windowSeconds.max(MAX_PREVIEW_WINDOW_SECONDS, "a preview evaluates windows of at most an hour") });

const RANGE_SECONDS = 86_400;
const STEPS = 288;

export interface RulePreview {
  stepSeconds: number;
  /** [time, the rule's value then]; null where the window held no points. */
  points: [string, number | null][];
  /** Where the rule would have been firing. */
  firing: { from: string; to: string }[];
}

/**
 * The rule evaluated every five minutes over the last 24 hours, with the same aggregation and the
 * same `for` logic as the job, so an admin sees where it would have fired before saving it. A
 * window shorter than the step samples the curve rather than covering it.
 */
export async function previewRule(db: Db, rule: z.output<typeof previewRuleInput>, now = new Date()): Promise<RulePreview> {
  const step = RANGE_SECONDS / STEPS;
  const from = new Date(now.getTime() - RANGE_SECONDS * 1000);
  const rows = await db.execute<{ t: string; value: number | null }>(sql`
    select t, ${valueAt(rule, sql`t`)} as value
    from generate_series(${from.toISOString()}::timestamptz + make_interval(secs => ${step}), ${now.toISOString()}::timestamptz, make_interval(secs => ${step})) t`);
  const points: RulePreview["points"] = rows.map((r) => [new Date(r.t).toISOString(), r.value]);
  const firing: RulePreview["firing"] = [];
  let state: RuleState = { pendingSince: null, firingSince: null };
  for (const [t, value] of points) {
    const next = nextState(state, holds(value, rule.comparator, rule.threshold), new Date(t), rule.forSeconds);
    if (next.change === "fire") firing.push({ from: t, to: t });
    if (next.state.firingSince) firing.at(-1)!.to = t;
    state = next.state;
  }
  return { stepSeconds: step, points, firing };
}
