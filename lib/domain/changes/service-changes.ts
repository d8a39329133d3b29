import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { overrideSummary } from "../breakers/override-summary";

export const changeKinds = ["mode", "override", "config", "breaker"] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** An entry of a story: what happened, who decided and why, and the audit event vouching for it. */
export interface Attributed {
  at: string;
  summary: string;
  actor: string | null;
  reason: string | null;
  /** The alert the decision was sent from, when it was. */
  alertId: number | null;
  auditId: number | null;
  auditHash: string | null;
}

/** One change of a service: an audited decision (mode, override, config) or a breaker's transition. */
export interface ServiceChange extends Attributed {
  kind: ChangeKind;
  service: string;
}

const decisions = ["mode.set", "mode.clear", "mode.expire", "breaker.override", "breaker.override.expire", "config.publish", "config.rollback"];
// A flapping fleet can report thousands of transitions; a timeline shows the latest ones.
const MAX_TRANSITIONS = 200;

type DecisionRow = {
  id: string;
  at: Date | string;
  action: string;
  target: string;
  actor: string;
  reason: string | null;
  after: Record<string, unknown> | null;
  hash: string;
};

type TransitionRow = {
  at: Date | string;
  service: string;
  instance: string | null;
  breaker: string;
  from_state: string | null;
  to_state: string;
};

/**
 * What changed for the services between `from` and `to` (now when null), oldest first: mode flips,
 * overrides and config changes from the audit log, so each carries its audit id, and the breakers'
 * own transitions. Overrides are audited decisions, so their transition rows are left out.
 */
export async function serviceChanges(db: Db, services: string[], from: Date, to: Date | null): Promise<ServiceChange[]> {
  if (services.length === 0) return [];
  const until = to ? sql`${to.toISOString()}::timestamptz` : sql`now()`;
  const targets = services.map((s) => `service:${s}`);
  const prefixes = services.flatMap((s) => [`breaker:${s}/`, `config:${s}/`]);
  const underPrefix = sql.join(
    prefixes.map((p) => sql`starts_with(a.target, ${p})`),
    sql` or `,
  );
  const audited = await db.execute<DecisionRow>(sql`
    select a.id, a.at, a.action, a.target, a.actor, a.reason, a.after, a.hash
      from audit_events a
     where a.at >= ${from.toISOString()}::timestamptz and a.at <= ${until} and a.outcome = 'ok'
       and a.action in ${decisions}
       and (a.target in ${targets} or ${underPrefix})
     order by a.id`);
  const transitions = await db.execute<TransitionRow>(sql`
    select * from (
      select b.at, b.service, b.instance, b.breaker, b.from_state, b.to_state
        from breaker_transitions b
       where b.service in ${services} and b.at >= ${from.toISOString()}::timestamptz and b.at <= ${until} and b.source <> 'override'
       order by b.at desc limit ${MAX_TRANSITIONS}) latest`);
  const changes = [...audited.map(decision), ...transitions.map(transition)];
  return changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function decision(row: DecisionRow): ServiceChange {
  const [scope, rest = ""] = row.target.split(":", 2);
  const [service = rest, name = ""] = scope === "service" ? [rest] : rest.split("/", 2);
  const after = row.after ?? {};
  const alertId = typeof after.alertId === "number" ? after.alertId : null;
  return {
    at: new Date(row.at).toISOString(),
    kind: row.action.startsWith("mode.") ? "mode" : row.action.startsWith("breaker.") ? "override" : "config",
    service,
    summary: summaryOf(row.action, name, after),
    actor: row.actor,
    reason: row.reason,
    alertId,
    auditId: Number(row.id),
    auditHash: row.hash,
  };
}

function summaryOf(action: string, name: string, after: Record<string, unknown>): string {
  switch (action) {
    case "mode.set":
      return `mode flipped to ${String(after.mode)}`;
    case "mode.clear":
      return `manual mode cleared, back to ${String(after.mode)}`;
    case "mode.expire":
      return `manual mode expired, back to ${String(after.mode)}`;
    case "breaker.override":
      return overrideSummary(name, typeof after.override === "string" ? after.override : null);
    case "breaker.override.expire":
      return `${name} override expired`;
    case "config.publish":
      return `config ${name} version ${String(after.version)} published`;
    default:
      return `config ${name} rolled back to version ${String(after.rollbackOf)} (as version ${String(after.version)})`;
  }
}

function transition(row: TransitionRow): ServiceChange {
  const where = row.instance ? ` on ${row.instance}` : "";
  return {
    at: new Date(row.at).toISOString(),
    kind: "breaker",
    service: row.service,
    summary: `${row.breaker} ${row.from_state ?? "new"} → ${row.to_state}${where}`,
    actor: null,
    reason: null,
    alertId: null,
    auditId: null,
    auditHash: null,
  };
}
