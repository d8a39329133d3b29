import { and, desc, eq, lt } from "drizzle-orm";
import { configBakes, configDocuments, configVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { runningBake } from "./bake";

export interface VersionEntry {
  version: number;
  message: string;
  author: string;
  publishedAt: string;
  baseVersion: number;
  rollbackOf: number | null;
  /** How the bake after this version ended, if it had one: still running, ended, or rolled back (and by which alert). */
  bake: { until: string; outcome: "running" | "ended" | "rolled_back"; endedBy: string | null; alertName: string | null } | null;
}

export interface VersionsPage {
  service: string;
  environment: string;
  currentVersion: number;
  schema: Record<string, unknown> | null;
  bake: { version: number; startedAt: string; until: string } | null;
  versions: VersionEntry[];
  nextBefore: number | null;
}

/** A document's history, newest first and paged, without bodies: a page reads no body at all. */
export async function listVersions(db: Db, service: string, environment: string, page: { before?: number; limit: number }): Promise<VersionsPage> {
  const [document] = await db
    .select({ currentVersion: configDocuments.currentVersion, schema: configDocuments.schema })
    .from(configDocuments)
    .where(and(eq(configDocuments.service, service), eq(configDocuments.environment, environment)));
  const rows = await db
    .select({
      version: configVersions.version,
      message: configVersions.message,
      author: configVersions.author,
      createdAt: configVersions.createdAt,
      baseVersion: configVersions.baseVersion,
      rollbackOf: configVersions.rollbackOf,
      bakeUntil: configBakes.until,
      bakeEndedAt: configBakes.endedAt,
      bakeEndedBy: configBakes.endedBy,
      bakeOutcome: configBakes.outcome,
      bakeAlert: configBakes.alertName,
    })
    .from(configVersions)
    .leftJoin(
      configBakes,
      and(eq(configBakes.service, configVersions.service), eq(configBakes.environment, configVersions.environment), eq(configBakes.version, configVersions.version)),
    )
    .where(
      and(
        eq(configVersions.service, service),
        eq(configVersions.environment, environment),
        page.before === undefined ? undefined : lt(configVersions.version, page.before),
      ),
    )
    .orderBy(desc(configVersions.version))
    .limit(page.limit + 1);
  const now = Date.now();
  const versions = rows.slice(0, page.limit).map(
    (r): VersionEntry => ({
      version: r.version,
      message: r.message,
      author: r.author,
      publishedAt: r.createdAt.toISOString(),
      baseVersion: r.baseVersion,
      rollbackOf: r.rollbackOf,
      bake: r.bakeUntil
        ? {
            until: r.bakeUntil.toISOString(),
            outcome: r.bakeOutcome ?? (r.bakeUntil.getTime() > now ? "running" : "ended"),
            endedBy: r.bakeEndedBy,
            alertName: r.bakeAlert,
          }
        : null,
    }),
  );
  return {
    service,
    environment,
    currentVersion: document?.currentVersion ?? 0,
    // A schema describes secrets but holds none, and masking would break it.
    schema: document?.schema ?? null,
    bake: await runningBake(db, service, environment),
    versions,
    nextBefore: rows.length > page.limit ? versions[versions.length - 1]!.version : null,
  };
}
