import { and, asc, count, countDistinct, eq, gt, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { breakerOverrides, breakers, configDocuments, configVersions, instances, modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { Role } from "../access/roles";
import { declaredModes } from "../modes/ladder";
import { reportedRecently } from "../services/liveness";
import type { AlertRow } from "./alert-view";
import { fixRole } from "./fix-verbs";

/** How far back a change counts as a suspect of an alert, and a publish as one to roll back. */
export const SUSPECT_WINDOW_MS = 30 * 60_000;

interface Common {
  service: string;
  reason: string;
  /** Sent back as is, so the action is recorded on the alert. */
  alertId: number;
  /** What the action does, for the confirmation: "local_queue on 3 instances of rag-api". */
  effect: string;
  /** The least role that may send it. */
  role: Role;
}

export type SuggestedAction =
  | (Common & { kind: "flip_mode"; mode: string })
  | (Common & { kind: "force_breaker"; breaker: string; override: "forced_open" })
  | (Common & { kind: "rollback_config"; environment: string; toVersion: number; expectedVersion: number });

const MAX_REASON = 500;

/**
 * The moves that fit an alert, each ready to send to its endpoint: the next mode down the
 * service's ladder, forcing open the breaker it names or the ones open, and rolling back a version
 * published shortly before it fired.
 */
export async function suggestedActions(db: Db, alert: AlertRow): Promise<SuggestedAction[]> {
  const service = alert.service;
  if (!service) return [];
  const from = `From alert ${alert.labels.alertname ?? "alert"} (#${alert.id})`;
  const common = (reason: string) => ({ service, alertId: alert.id, reason: `${from}: ${reason}`.slice(0, MAX_REASON) });
  const live = await liveInstances(db, service);
  const on = (n: number) => `on ${n} instance${n === 1 ? "" : "s"} of ${service}`;
  const actions: SuggestedAction[] = [];
  const mode = await nextModeDown(db, service);
  if (mode) actions.push({ kind: "flip_mode", mode, ...common(`degrade to ${mode}`), effect: `${mode} ${on(live)}`, role: fixRole("flip_mode") });
  for (const b of await breakersToForce(db, service, alert.labels.breaker)) {
    actions.push({ kind: "force_breaker", breaker: b.name, override: "forced_open", ...common(`force ${b.name} open`), effect: `${b.name} forced open ${on(b.instances)}`, role: fixRole("force_breaker") });
  }
  for (const r of await recentPublishes(db, service, alert.startsAt)) {
    actions.push({
      kind: "rollback_config",
      environment: r.environment,
      toVersion: r.toVersion,
      expectedVersion: r.currentVersion,
      ...common(`roll back ${r.environment} config to version ${r.toVersion}`),
      effect: `${r.environment} config back to version ${r.toVersion} ${on(r.instances)}`,
      role: fixRole("rollback_config"),
    });
  }
  return actions;
}

async function liveInstances(db: Db, service: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(instances).where(and(eq(instances.service, service), reportedRecently(instances.lastReportAt)));
  return row?.n ?? 0;
}

async function nextModeDown(db: Db, service: string): Promise<string | null> {
  const [row] = await db
    .select({ modes: services.modes, desired: sql<string>`coalesce(${modeOverrides.mode}, ${services.automaticMode})` })
    .from(services)
    .leftJoin(modeOverrides, eq(modeOverrides.service, services.name))
    .where(eq(services.name, service));
  if (!row) return null;
  const ladder = declaredModes(row.modes);
  const index = ladder.indexOf(row.desired);
  return index === -1 ? null : (ladder[index + 1] ?? null);
}

/** The breaker the alert names and those open on some instance, unless already forced open. */
async function breakersToForce(db: Db, service: string, named: string | undefined): Promise<{ name: string; instances: number }[]> {
  const rows = await db
    .select({
      name: breakers.name,
      instances: countDistinct(breakers.instance),
      open: sql<boolean>`bool_or(${breakers.state} = 'open')`,
      forced: sql<boolean>`bool_or(${breakerOverrides.override} = 'forced_open')`,
    })
    .from(breakers)
    .leftJoin(breakerOverrides, and(eq(breakerOverrides.service, breakers.service), eq(breakerOverrides.breaker, breakers.name)))
    .where(eq(breakers.service, service))
    .groupBy(breakers.name)
    .orderBy(asc(breakers.name));
  return rows.filter((r) => !r.forced && (r.open || r.name === named)).map(({ name, instances }) => ({ name, instances }));
}

/**
 * Per environment, the earliest version published in the window before the alert fired that has
 * one before it: back to that one, unless the document was already rolled back to it.
 */
async function recentPublishes(db: Db, service: string, firedAt: Date) {
  const windowStart = new Date(firedAt.getTime() - SUSPECT_WINDOW_MS);
  const published = await db
    .select({ environment: configVersions.environment, first: sql<number>`min(${configVersions.version})` })
    .from(configVersions)
    .where(and(eq(configVersions.service, service), gte(configVersions.createdAt, windowStart), lte(configVersions.createdAt, firedAt), gt(configVersions.version, 1), isNull(configVersions.rollbackOf)))
    .groupBy(configVersions.environment);
  if (published.length === 0) return [];
  const documents = await db
    .select({ environment: configDocuments.environment, currentVersion: configDocuments.currentVersion, rollbackOf: configVersions.rollbackOf })
    .from(configDocuments)
    .innerJoin(
      configVersions,
      and(eq(configVersions.service, configDocuments.service), eq(configVersions.environment, configDocuments.environment), eq(configVersions.version, configDocuments.currentVersion)),
    )
    .where(and(eq(configDocuments.service, service), inArray(configDocuments.environment, published.map((c) => c.environment))));
  const counts = await db
    .select({ environment: instances.environment, n: count() })
    .from(instances)
    .where(and(eq(instances.service, service), reportedRecently(instances.lastReportAt)))
    .groupBy(instances.environment);
  return published.flatMap((c) => {
    const doc = documents.find((d) => d.environment === c.environment);
    const toVersion = c.first - 1;
    if (!doc || doc.rollbackOf === toVersion) return [];
    return [{ environment: c.environment, toVersion, currentVersion: doc.currentVersion, instances: counts.find((n) => n.environment === c.environment)?.n ?? 0 }];
  });
}
