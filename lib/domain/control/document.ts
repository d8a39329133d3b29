import { eq, sql } from "drizzle-orm";
import { breakerOverrides, configDocuments, configRollouts, modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { BreakerOverrideKind } from "../breakers/types";
import { stepCovers } from "../config/rollout/bucket";
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

/** An environment whose current version is being rolled out: instances outside the step keep `fromVersion`. */
export interface RolloutSplit {
  fromVersion: number;
  percent: number;
}

/**
 * A service's control document before it is given to one instance: `document` names each
 * environment's current version, `rollouts` the environments where only some instances get it.
 * Cached per revision and shared by every instance of the service.
 */
export interface ControlState {
  document: ControlDocument;
  rollouts: Record<string, RolloutSplit>;
  /** Documents already resolved, by which rolling environments cover the instance. */
  views: Map<string, ControlDocument>;
}

type OverrideJson = { breaker: string; override: BreakerOverrideKind; reason: string; expiresAt: string | null };
type ConfigJson = Record<string, { version: number; rollout: RolloutSplit | null }>;

/**
 * The config version an instance should run, decided here and nowhere else: the current version,
 * unless a rollout of it runs and the step does not cover the instance's bucket yet. A reader that
 * names no instance has no bucket and gets the version rolled from.
 */
export function documentFor(state: ControlState, instance: string | null): ControlDocument {
  const rolling = Object.entries(state.rollouts);
  if (rolling.length === 0) return state.document;
  const covered = rolling.map(([, split]) => instance !== null && stepCovers(split.percent, instance));
  const key = covered.map((c) => (c ? "1" : "0")).join("");
  const known = state.views.get(key);
  if (known) return known;
  const config = { ...state.document.config };
  rolling.forEach(([environment, split], i) => {
    if (!covered[i]) config[environment] = { version: split.fromVersion };
  });
  const view = { ...state.document, config };
  state.views.set(key, view);
  return view;
}

/** The document for readers that are not one instance: people, and the answers of control verbs. */
export async function controlDocument(db: Db, service: string): Promise<ControlDocument> {
  return documentFor(await controlState(db, service), null);
}

/**
 * The desired state a service's instances follow. Every change to it bumps the revision, so the
 * revision alone identifies a version of it. A service that never reported gets the default one.
 */
export async function controlState(db: Db, service: string): Promise<ControlState> {
  const [row] = await db
    .select({
      revision: services.revision,
      automaticMode: services.automaticMode,
      manual: modeOverrides,
      overrides: sql<OverrideJson[] | null>`(
        select json_agg(json_build_object('breaker', b.breaker, 'override', b.override, 'reason', b.reason, 'expiresAt', b.expires_at) order by b.breaker)
        from ${breakerOverrides} b where b.service = ${services.name})`,
      config: sql<ConfigJson | null>`(
        select json_object_agg(d.environment, json_build_object('version', d.current_version, 'rollout', (
            select json_build_object('fromVersion', r.from_version, 'percent', r.steps[r.step + 1]) from ${configRollouts} r
            where r.service = d.service and r.environment = d.environment and r.version = d.current_version and r.status in ('running', 'paused')
          )) order by d.environment)
        from ${configDocuments} d where d.service = ${services.name} and d.current_version > 0)`,
    })
    .from(services)
    .leftJoin(modeOverrides, eq(modeOverrides.service, services.name))
    .where(eq(services.name, service));
  if (!row) return { document: defaultDocument(service), rollouts: {}, views: new Map() };
  const breakers: ControlDocument["breakers"] = {};
  for (const o of row.overrides ?? []) breakers[o.breaker] = { override: o.override, reason: o.reason, expiresAt: iso(o.expiresAt) };
  const config: ControlDocument["config"] = {};
  const rollouts: ControlState["rollouts"] = {};
  for (const [environment, entry] of Object.entries(row.config ?? {})) {
    config[environment] = { version: entry.version };
    if (entry.rollout) rollouts[environment] = entry.rollout;
  }
  const document = { service, revision: row.revision, mode: documentMode(desiredMode(row.automaticMode, row.manual)), breakers, config };
  return { document, rollouts, views: new Map() };
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
