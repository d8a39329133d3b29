import { sql } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { alertChanged } from "./alert-view";
import { listParam } from "./list-param";
import { lockAlerts } from "./load-alert";
import type { IncomingAlert } from "./intake-input";
import { closeEmptyGroups, queueFollowUps } from "./notifications";
import { openOccurrences, type Source } from "./open-occurrences";
import { intakeRounds, planIntake, type Occurrence, type Step } from "./plan-intake";
import { recordTimeline, type TimelineEntry } from "./timeline";

/** A batch of requests' alerts in one transaction (group commit): one `intake` per round, usually one for the whole batch. */
export async function intakeRequests(tx: Db, requests: IncomingAlert[][], source: Source): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  for (const round of intakeRounds(requests)) events.push(...(await intake(tx, round, source)));
  return events;
}

/**
 * Applies alerts in the caller's transaction, a few statements for all of them: new occurrences
 * with their timeline and notifications, updates, and resolutions. Alerts that change nothing
 * write nothing, so a retried payload is harmless.
 */
export async function intake(tx: Db, batch: IncomingAlert[], source: Source): Promise<LiveEvent[]> {
  if (batch.length === 0) return [];
  // A batch sent again reads once and writes nothing: it is the usual payload, so nothing is read
  // ahead for alerts that may open. Statements that do not wait on each other's answers go together.
  const steps = planIntake(batch, await latestOccurrences(tx, [...new Set(batch.map((a) => a.fingerprint))]));
  const of = <K extends Step["kind"]>(kind: K) => steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);
  const [, opened] = await Promise.all([lockAlerts(tx, steps.flatMap((s) => (s.kind === "open" ? [] : [s.id]))), openOccurrences(tx, of("open"), source)]);
  const [updated, resolved] = await Promise.all([rewrite(tx, of("update"), false), rewrite(tx, of("resolve"), true)]);
  await Promise.all([
    recordTimeline(tx, resolved.map((id): TimelineEntry => ({ alertId: id, kind: "resolved" }))),
    queueFollowUps(tx, resolved, "resolve"),
    closeEmptyGroups(tx, resolved),
  ]);
  return alertChanged([...opened, ...updated, ...resolved]);
}

async function latestOccurrences(tx: Db, fingerprints: string[]): Promise<Map<string, Occurrence>> {
  const rows = await tx
    .selectDistinctOn([alerts.fingerprint], {
      id: alerts.id,
      fingerprint: alerts.fingerprint,
      state: alerts.state,
      startsAt: alerts.startsAt,
      endsAt: alerts.endsAt,
      annotations: alerts.annotations,
      generatorUrl: alerts.generatorUrl,
    })
    .from(alerts)
    .where(sql`${alerts.fingerprint} in ${listParam(fingerprints)}`)
    .orderBy(alerts.fingerprint, sql`${alerts.id} desc`);
  return new Map(rows.map((r) => [r.fingerprint, r]));
}

/** Updates what open occurrences carry; with `resolve`, also closes them. Returns the ids it changed. */
async function rewrite(tx: Db, steps: Extract<Step, { kind: "update" | "resolve" }>[], resolve: boolean): Promise<number[]> {
  if (steps.length === 0) return [];
  const values = steps.map(({ id, alert }) => ({
    id,
    annotations: alert.annotations,
    ends_at: resolve ? (alert.endsAt ?? new Date()).toISOString() : (alert.endsAt?.toISOString() ?? null),
    generator_url: alert.generatorUrl,
  }));
  const closing = resolve ? sql`, state = 'resolved', ack_expires_at = null, escalate_at = null, repeat_at = null` : sql``;
  const rows = await tx.execute<{ id: string }>(sql`
    update ${alerts} a set annotations = x.annotations, ends_at = x.ends_at, generator_url = x.generator_url, updated_at = now() ${closing}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(id bigint, annotations jsonb, ends_at timestamptz, generator_url text)
    where a.id = x.id and a.state <> 'resolved'
    returning a.id`);
  return rows.map((r) => Number(r.id));
}
