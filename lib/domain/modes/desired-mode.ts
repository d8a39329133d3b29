import { eq, sql } from "drizzle-orm";
import { modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { DesiredMode } from "./types";

type ManualFlip = typeof modeOverrides.$inferSelect;

/** The mode a service's instances should run: the manual flip if there is one, else the fleet's automatic choice. */
export function desiredMode(automaticMode: string, manual: ManualFlip | null): DesiredMode {
  if (!manual) return { mode: automaticMode, source: "automatic", reason: null, setBy: null, setAt: null, expiresAt: null };
  return {
    mode: manual.mode,
    source: "manual",
    reason: manual.reason,
    setBy: manual.setBy,
    setAt: manual.setAt.toISOString(),
    expiresAt: manual.expiresAt?.toISOString() ?? null,
  };
}

/** The same rule in SQL, for every service at once: its desired mode beside its declared ladder. */
export function desiredModes(db: Db): Promise<{ service: string; desired: string; modes: string[] | null }[]> {
  return db
    .select({ service: services.name, desired: sql<string>`coalesce(${modeOverrides.mode}, ${services.automaticMode})`, modes: services.modes })
    .from(services)
    .leftJoin(modeOverrides, eq(modeOverrides.service, services.name));
}
