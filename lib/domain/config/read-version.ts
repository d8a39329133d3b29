import { and, eq } from "drizzle-orm";
import { configDocuments, configVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { NotFound } from "../errors";

export interface VersionBody {
  version: number;
  body: Record<string, unknown>;
  publishedAt: string;
  publishedBy: string;
}

/** One version with its body as published (secrets included): callers mask it for people. */
export async function readVersion(db: Db, service: string, environment: string, version: number): Promise<VersionBody> {
  const [row] = await db
    .select({ version: configVersions.version, body: configVersions.body, createdAt: configVersions.createdAt, author: configVersions.author })
    .from(configVersions)
    .where(and(eq(configVersions.service, service), eq(configVersions.environment, environment), eq(configVersions.version, version)));
  if (!row) throw new NotFound(`Version ${version} of ${service}/${environment}`);
  return { version: row.version, body: row.body, publishedAt: row.createdAt.toISOString(), publishedBy: row.author };
}

/** The JSON Schema a document's bodies must satisfy, which may also mark paths secret; null without one. */
export async function documentSchema(db: Db, service: string, environment: string): Promise<Record<string, unknown> | null> {
  const [row] = await db
    .select({ schema: configDocuments.schema })
    .from(configDocuments)
    .where(and(eq(configDocuments.service, service), eq(configDocuments.environment, environment)));
  return row?.schema ?? null;
}

/** The current version's number; 0 when nothing was published. */
export async function currentVersionOf(db: Db, service: string, environment: string): Promise<number> {
  const [row] = await db
    .select({ version: configDocuments.currentVersion })
    .from(configDocuments)
    .where(and(eq(configDocuments.service, service), eq(configDocuments.environment, environment)));
  return row?.version ?? 0;
}
