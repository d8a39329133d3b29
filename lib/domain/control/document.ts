import { eq, sql } from "drizzle-orm";
import { breakerOverrides, configDocuments, modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { BreakerOverrideKind } from "../breakers/types";
import { desiredMode } from "../modes/desired-mode";
import { NORMAL } from "../modes/ladder";
import type { DesiredMode } from "../modes/types";

export interface ControlDocument {
  service: string;
  revision: number;
  mode: { desired: string; source: "automatic" | "manual"; reason: string | null; setBy: string | null; expiresAt: string | null };
  breakers: Record<string, { override: BreakerOverrideKind; reason: string; expiresAt: string | null }>;
  config: Record<string, { version: number }>;
}

type OverrideJson = { breaker: string; override: BreakerOverrideKind; reason: string; expiresAt: string | null };

/**
 * The desired state a service's instances follow. Every change to it bumps the revision, so the
 * revision alone identifies a version of it. A service that never reported gets the default one.
 */
export async function controlDocument(db: Db, service: string): Promise<ControlDocument> {
  const [row] = await db
    .select({
      revision: services.revision,
      automaticMode: services.automaticMode,
      manual: modeOverrides,
      overrides: sql<OverrideJson[] | null>`(
        select json_agg(json_build_object('breaker', b.breaker, 'override', b.override, 'reason', b.reason, 'expiresAt', b.expires_at) order by b.breaker)
        from ${breakerOverrides} b where b.service = ${services.name})`,
      config: sql<Record<string, number> | null>`(
        select json_object_agg(d.environment, d.current_version order by d.environment)
        from ${configDocuments} d where d.service = ${services.name} and d.current_version > 0)`,
    })
    .from(services)
    .leftJoin(modeOverrides, eq(modeOverrides.service, services.name))
    .where(eq(services.name, service));
  if (!row) return defaultDocument(service);
  const breakers: ControlDocument["breakers"] = {};
  for (const o of row.overrides ?? []) breakers[o.breaker] = { override: o.override, reason: o.reason, expiresAt: iso(o.expiresAt) };
  return {
    service,
    revision: row.revision,
    mode: documentMode(desiredMode(row.automaticMode, row.manual)),
    breakers,
    config: Object.fromEntries(Object.entries(row.config ?? {}).map(([environment, version]) => [environment, { version }])),
  };
}

function documentMode({ mode, source, reason, setBy, expiresAt }: DesiredMode): ControlDocument["mode"] {
  return { desired: mode, source, reason, setBy, expiresAt };
}

export function defaultDocument(service: string): ControlDocument {
  return {
    service,
    revision: 0,
    mode: { desired: NORMAL, source: "automatic", reason: null, setBy: null, expiresAt: null },
    breakers: {},
    config: {},
  };
}

/** The revision alone, for waking long-polls cheaply; 0 for a service that never reported. */
export async function controlRevision(db: Db, service: string): Promise<number> {
  const [row] = await db.select({ revision: services.revision }).from(services).where(eq(services.name, service));
  return row?.revision ?? 0;
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

// json_build_object renders timestamps with an offset; the contract wants UTC.
function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
