import type { Db } from "@/lib/db/client";
import { maskSecrets } from "../audit/mask";
import type { Ctx } from "../context";
import { NotFound, ValidationError } from "../errors";
import { checkPermit } from "../mutation";
import { issuesOf } from "../validation";
import { documentPath } from "./inputs";
import { currentVersionOf, documentSchema, readVersion, type VersionBody } from "./read-version";
import { schemaSecretPaths } from "./schema-secrets";

export type CurrentRead = { status: 200; config: VersionBody; etag: string } | { status: 304; etag: string };

/**
 * The current config of a document, for a service token covering the service (secrets as
 * published) or any signed-in person (secrets masked). `ifNoneMatch` equal to the ETag answers 304.
 */
export async function readCurrentConfig(
  database: Db,
  ctx: Ctx,
  path: { service: string; environment: string },
  ifNoneMatch: string | null,
): Promise<CurrentRead> {
  const parsed = documentPath.safeParse(path);
  const target = `config:${path.service}/${path.environment}`;
  if (ctx.actor.kind !== "user") await checkPermit(database, ctx, { action: "read", permit: "service" }, { target, service: parsed.data?.service ?? path.service });
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  const { service, environment } = parsed.data;
  const version = await currentVersionOf(database, service, environment);
  if (version === 0) throw new NotFound(`Config of ${service}/${environment}`);
  const etag = `"${version}"`;
  if (ifNoneMatch?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return { status: 304, etag };
  const config = await readVersion(database, service, environment, version);
  if (ctx.actor.kind === "service") return { status: 200, etag, config };
  const marked = schemaSecretPaths(await documentSchema(database, service, environment));
  return { status: 200, etag, config: { ...config, body: maskSecrets(config.body, marked) } };
}
