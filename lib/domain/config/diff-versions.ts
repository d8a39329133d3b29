import type { Db } from "@/lib/db/client";
import { configChanges, type ConfigChange } from "./diff";
import { documentSchema, readVersion } from "./read-version";
import { schemaSecretPaths } from "./schema-secrets";

export interface VersionDiff {
  from: number;
  to: number;
  changes: ConfigChange[];
}

/** The structural diff between two versions of a document, secrets masked; version 0 is the empty body before the first. */
export async function diffVersions(db: Db, service: string, environment: string, from: number, to: number): Promise<VersionDiff> {
  const [before, after, schema] = await Promise.all([
    from === 0 ? null : readVersion(db, service, environment, from),
    readVersion(db, service, environment, to),
    documentSchema(db, service, environment),
  ]);
  return { from, to, changes: configChanges(before?.body ?? {}, after.body, schemaSecretPaths(schema)) };
}
