import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { instances, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { bumpRevision, lockControl } from "../control/revision";
import { defineMutation } from "../mutation";
import { serviceName } from "../services/report-schema";
import { reportedRecently } from "../services/liveness";
import { declaredModes, mostCommonMode } from "./ladder";
import { recordModeChange } from "./set-mode";
import { changeEvents } from "../control/change-events";

/**
 * Recomputes the fleet's automatic choice for a service from its live instances and stores it when
 * it moved. While no manual flip holds, that changes the desired mode: the revision is bumped and
 * the change recorded. Returns whether anything changed.
 */
export async function refreshAutomaticMode(tx: Db, service: string): Promise<boolean> {
  const control = await lockControl(tx, service);
  const live = await tx
    .select({ automaticMode: instances.automaticMode })
    .from(instances)
    .where(and(eq(instances.service, service), reportedRecently(instances.lastReportAt)));
  const choices = live.map((i) => i.automaticMode);
  const next = mostCommonMode(choices, declaredModes(control.modes));
  if (next === control.automaticMode) return false;
  await tx.update(services).set({ automaticMode: next }).where(eq(services.name, service));
  if (!control.manual) {
    const agreeing = choices.filter((c) => c === next).length;
    await recordModeChange(tx, {
      service,
      fromMode: control.automaticMode,
      toMode: next,
      source: "automatic",
      reason: `${agreeing} of ${live.length} live instances chose it`,
      actor: null,
    });
    await bumpRevision(tx, service);
  }
  return true;
}

/**
 * Services whose stored automatic choice no longer matches their live instances, mostly because an
 * instance went stale without a report to notice it. One pass over the instances.
 */
export async function servicesWithDriftedChoice(db: Db): Promise<string[]> {
  const rows = await db
    .select({
      service: services.name,
      modes: services.modes,
      automaticMode: services.automaticMode,
      choices: sql<(string | null)[] | null>`array_agg(${instances.automaticMode}) filter (where ${reportedRecently(instances.lastReportAt)})`,
    })
    .from(services)
    .leftJoin(instances, eq(instances.service, services.name))
    .groupBy(services.name);
  return rows.filter((r) => mostCommonMode(r.choices ?? [], declaredModes(r.modes)) !== r.automaticMode).map((r) => r.service);
}

/** The job's way to catch a service's automatic mode up; telemetry, so recorded in the mode history but not audited. */
export const settleAutomaticMode = defineMutation({
  action: "mode.automatic",
  permit: "system",
  input: z.object({ service: serviceName }),
  target: (i) => `service:${i.service}`,
  async run(tx, input) {
    const changed = await refreshAutomaticMode(tx, input.service);
    return { result: changed, audit: null, events: changed ? changeEvents("mode", input.service) : [] };
  },
});
