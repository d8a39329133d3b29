import { asc, eq } from "drizzle-orm";
import { instances, modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { breakersSummaries } from "../breakers/summaries";
import type { BreakersSummary } from "../breakers/types";
import { convergenceOf } from "../modes/convergence";
import { desiredMode } from "../modes/desired-mode";
import { declaredModes } from "../modes/ladder";
import type { Convergence, DesiredMode } from "../modes/types";
import { isStale } from "./liveness";

export interface InstanceView {
  instance: string;
  environment: string;
  health: string;
  checks: Record<string, string>;
  /** The mode the instance runs. */
  mode: string | null;
  /** The mode the instance would choose by itself. */
  automaticMode: string | null;
  configVersion: number | null;
  queueDepth: number | null;
  lastSeen: string;
  stale: boolean;
}

export interface ServiceView {
  name: string;
  firstSeen: string;
  lastSeen: string;
  health: string;
  instances: InstanceView[];
  /** The control revision; pass it as `expectedRevision` when flipping. */
  revision: number;
  declaredModes: string[];
  desiredMode: DesiredMode;
  convergence: Convergence;
  breakers: BreakersSummary;
}

const worst = ["healthy", "degraded", "unhealthy"];

export async function listServices(db: Db, now = new Date()): Promise<ServiceView[]> {
  const [serviceRows, instanceRows, summaries] = await Promise.all([
    db.select({ service: services, manual: modeOverrides }).from(services).leftJoin(modeOverrides, eq(modeOverrides.service, services.name)).orderBy(asc(services.name)),
    db.select().from(instances).orderBy(asc(instances.service), asc(instances.instance)),
    breakersSummaries(db),
  ]);
  return serviceRows.map(({ service: s, manual }) => {
    const rows = instanceRows.filter((i) => i.service === s.name);
    const own: InstanceView[] = rows.map((i) => ({
      instance: i.instance,
      environment: i.environment,
      health: i.health,
      checks: i.checks,
      mode: i.mode,
      automaticMode: i.automaticMode,
      configVersion: i.configVersion,
      queueDepth: i.queueDepth,
      lastSeen: i.lastReportAt.toISOString(),
      stale: isStale(i.lastReportAt, now),
    }));
    const live = own.filter((i) => !i.stale);
    const health = live.reduce((acc, i) => (worst.indexOf(i.health) > worst.indexOf(acc) ? i.health : acc), "healthy");
    const lastSeen = own.reduce((acc, i) => (i.lastSeen > acc ? i.lastSeen : acc), s.firstSeenAt.toISOString());
    const desired = desiredMode(s.automaticMode, manual);
    return {
      name: s.name,
      firstSeen: s.firstSeenAt.toISOString(),
      lastSeen,
      health: live.length ? health : "unknown",
      instances: own,
      revision: s.revision,
      declaredModes: declaredModes(s.modes),
      desiredMode: desired,
      convergence: convergenceOf(desired.mode, rows, now),
      breakers: summaries.get(s.name) ?? { total: 0, open: 0, halfOpen: 0, forced: 0 },
    };
  });
}
