import { asc, desc, eq, sql } from "drizzle-orm";
import { instances, modeChanges, modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { controlDeliveries } from "../control/delivery";
import { convergenceOf, queueDepthOf } from "./convergence";
import { desiredMode } from "./desired-mode";
import { declaredModes } from "./ladder";
import type { ModeChange, ServiceModes } from "./types";

export const HISTORY_PER_SERVICE = 10;

/** The Modes page: per service the desired mode, who set it and until when, convergence, queue depth and latest changes. */
export async function listModes(db: Db, now = new Date()): Promise<ServiceModes[]> {
  const [serviceRows, instanceRows, history, deliveries] = await Promise.all([
    db.select({ service: services, manual: modeOverrides }).from(services).leftJoin(modeOverrides, eq(modeOverrides.service, services.name)).orderBy(asc(services.name)),
    db
      .select({
        service: instances.service,
        instance: instances.instance,
        mode: instances.mode,
        automaticMode: instances.automaticMode,
        queueDepth: instances.queueDepth,
        lastReportAt: instances.lastReportAt,
      })
      .from(instances)
      .orderBy(asc(instances.service), asc(instances.instance)),
    latestChanges(db, HISTORY_PER_SERVICE),
    controlDeliveries(db, now),
  ]);
  return serviceRows.map(({ service, manual }) => {
    const own = instanceRows.filter((i) => i.service === service.name);
    const desired = desiredMode(service.automaticMode, manual);
    return {
      service: service.name,
      revision: service.revision,
      declaredModes: declaredModes(service.modes),
      desired,
      automaticMode: service.automaticMode,
      convergence: convergenceOf(desired.mode, own, now),
      delivery: deliveries.get(service.name) ?? null,
      queueDepth: queueDepthOf(own, now),
      history: history.filter((h) => h.service === service.name),
    };
  });
}

async function latestChanges(db: Db, perService: number): Promise<ModeChange[]> {
  const ranked = db
    .select({
      id: modeChanges.id,
      rank: sql<number>`row_number() over (partition by ${modeChanges.service} order by ${modeChanges.id} desc)`.as("rank"),
    })
    .from(modeChanges)
    .as("ranked");
  const rows = await db
    .select({ change: modeChanges })
    .from(modeChanges)
    .innerJoin(ranked, eq(ranked.id, modeChanges.id))
    .where(sql`${ranked.rank} <= ${perService}`)
    .orderBy(desc(modeChanges.id));
  return rows.map((r) => toChange(r.change));
}

function toChange(r: typeof modeChanges.$inferSelect): ModeChange {
  return {
    id: r.id,
    service: r.service,
    from: r.fromMode,
    to: r.toMode,
    source: r.source,
    reason: r.reason,
    actor: r.actor,
    at: r.at.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
  };
}
