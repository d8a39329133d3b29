import { eq, sql } from "drizzle-orm";
import { alertRules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { ingestAlerts } from "../alerts/ingest";
import { actorName, systemCtx } from "../context";
import { Conflict, NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { ruleAlert } from "./rule-alert";
import { ruleFields, ruleId, updateRuleInput } from "./rule-input";
import { ruleView, type RuleRow } from "./rule-view";

const ruleChanged = (id: number): LiveEvent[] => [{ topic: "rule", id: String(id) }];

export const createRule = defineMutation({
  action: "rule.create",
  permit: "admin",
  input: ruleFields,
  target: (i) => `rule:${i.name}`,
  async run(tx, input, ctx) {
    await refuseTakenName(tx, input.name, null);
    const [row] = await tx.insert(alertRules).values({ ...input, createdBy: actorName(ctx.actor) }).returning();
    const view = ruleView(row!);
    return { result: view, audit: { after: view }, events: ruleChanged(view.id) };
  },
});

/** A changed rule starts its evaluation over; an alert it had raised is resolved, since its labels may change. */
export const updateRule = defineMutation({
  action: "rule.update",
  permit: "admin",
  input: updateRuleInput,
  target: (i) => `rule:${i.name}`,
  async run(tx, { id, ...fields }) {
    const before = await lockRule(tx, id);
    await refuseTakenName(tx, fields.name, id);
    await resolveRaised(tx, before);
    const [row] = await tx
      .update(alertRules)
      .set({ ...fields, pendingSince: null, firingSince: null, lastValue: null, evaluatedAt: null, updatedAt: sql`now()` })
      .where(eq(alertRules.id, id))
      .returning();
    const view = ruleView(row!);
    return { result: view, audit: { before: ruleView(before), after: view }, events: ruleChanged(id) };
  },
});

export const deleteRule = defineMutation({
  action: "rule.delete",
  permit: "admin",
  input: ruleId,
  target: (i) => `rule:${i.id}`,
  async run(tx, { id }) {
    const before = await lockRule(tx, id);
    await resolveRaised(tx, before);
    await tx.delete(alertRules).where(eq(alertRules.id, id));
    return { result: { deleted: id }, audit: { target: `rule:${before.name}`, before: ruleView(before) }, events: ruleChanged(id) };
  },
});

async function lockRule(tx: Db, id: number): Promise<RuleRow> {
  const [row] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for("update");
  if (!row) throw new NotFound(`Rule ${id}`);
  return row;
}

async function refuseTakenName(tx: Db, name: string, id: number | null): Promise<void> {
  const [other] = await tx.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.name, name));
  if (other && other.id !== id) throw new Conflict(`A rule named ${name} exists.`);
}

/** Resolves the alert a firing rule raised, through the same intake as pushed alerts, in this transaction. */
async function resolveRaised(tx: Db, rule: RuleRow): Promise<void> {
  if (rule.firingSince) await ingestAlerts(systemCtx("rules"), [ruleAlert(rule, { status: "resolved", endsAt: new Date() }, rule.lastValue)], tx);
}
