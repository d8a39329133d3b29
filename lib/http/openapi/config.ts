import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { diffQuery, documentPath, endBakeBody, publishBody, rollbackBody, schemaBody, versionPath, versionsQuery } from "@/lib/domain/config/inputs";
import { operation } from "./operation";
import { endBake } from "@/lib/domain/config/bake";
import { publishConfig } from "@/lib/domain/config/publish";
import { revealConfig } from "@/lib/domain/config/reveal";
import { rollbackConfig } from "@/lib/domain/config/rollback";
import { setConfigSchema } from "@/lib/domain/config/set-schema";

// The config endpoints. Answers are described loosely: the fields named in the contract, others allowed.

const time = z.iso.datetime({ offset: true });
const body = z.record(z.string(), z.unknown());
const created = z.object({ version: z.number().int() });
const config = z.looseObject({ version: z.number().int(), body, publishedAt: time, publishedBy: z.string() }).meta({ id: "ConfigVersion" });
const bake = z.object({ version: z.number().int(), startedAt: time, until: time });
const versionEntry = z.looseObject({
  version: z.number().int(),
  message: z.string(),
  author: z.string(),
  publishedAt: time,
  baseVersion: z.number().int(),
  rollbackOf: z.number().int().nullable(),
  bake: z.looseObject({ until: time, outcome: z.enum(["running", "ended", "rolled_back"]) }).nullable(),
});
const change = z.object({
  kind: z.enum(["add", "remove", "change"]),
  path: z.array(z.union([z.string(), z.number()])),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const configPaths: ZodOpenApiPathsObject = {
  "/api/v1/config": {
    get: operation({
      summary: "Environments, services, the config documents published so far and the templates (secrets masked)",
      tags: ["config"],
      permit: "viewer",
      answers: { 200: { description: "What the config page picks from.", schema: z.looseObject({ environments: z.array(z.string()), services: z.array(z.string()), documents: z.array(z.looseObject({ service: z.string(), environment: z.string(), version: z.number().int() })) }) } },
    }),
  },
  "/api/v1/config/{service}/{environment}": {
    get: operation({
      summary: "The current config, with an ETag; secrets as published for a service token, masked for people",
      tags: ["config"],
      permit: "service",
      people: "viewer",
      path: documentPath,
      errors: [404],
      answers: {
        200: { description: "The current version (also readable by any signed-in person, secrets masked).", schema: config },
        304: { description: "If-None-Match names the current version.", schema: null },
      },
    }),
  },
  "/api/v1/config/{service}/{environment}/versions": {
    get: operation({
      summary: "The document's versions, newest first, paged, without bodies; with its schema and running bake",
      tags: ["config"],
      permit: "viewer",
      path: documentPath,
      query: versionsQuery,
      answers: {
        200: {
          description: "A page of versions.",
          schema: z.looseObject({ currentVersion: z.number().int(), schema: body.nullable(), bake: bake.nullable(), versions: z.array(versionEntry), nextBefore: z.number().int().nullable() }),
        },
      },
    }),
    post: operation({
      summary: "Publish a version if `expectedVersion` is current; values still showing the mask keep the stored secret",
      tags: ["config"],
      verb: publishConfig,
      path: documentPath,
      body: publishBody,
      errors: [404, 409, 422, 423],
      answers: {
        201: { description: "The new version (with `changeRequest`, its review, after break glass); 409 `{currentVersion}` when stale; 422 with each schema error's path and message.", schema: created },
        202: { description: "The policy wants approvals: a pending change request, and no version yet.", schema: z.object({ changeRequest: z.looseObject({ id: z.number().int(), status: z.literal("pending") }) }) },
      },
    }),
  },
  "/api/v1/config/{service}/{environment}/versions/{version}/reveal": {
    post: operation({
      summary: "A version with its secrets, audited",
      tags: ["config"],
      verb: revealConfig,
      path: versionPath,
      errors: [404],
      answers: { 200: { description: "The version as published.", schema: config } },
    }),
  },
  "/api/v1/config/{service}/{environment}/schema": {
    put: operation({
      summary: "Set or remove the document's JSON Schema (draft 2020-12); later publishes are validated against it",
      tags: ["config"],
      verb: setConfigSchema,
      path: documentPath,
      body: schemaBody,
      errors: [404, 422],
      answers: { 200: { description: "The schema in force.", schema: z.object({ service: z.string(), environment: z.string(), schema: body.nullable() }) } },
    }),
  },
  "/api/v1/config/{service}/{environment}/rollback": {
    post: operation({
      summary: "Roll back: a new version whose body equals `toVersion`'s, with the same compare-and-swap rule as a publish",
      tags: ["config"],
      verb: rollbackConfig,
      path: documentPath,
      body: rollbackBody,
      errors: [404, 409, 422],
      answers: { 201: { description: "The new version.", schema: created } },
    }),
  },
  "/api/v1/config/{service}/{environment}/diff": {
    get: operation({
      summary: "A structural diff between two versions (0 is the empty body before the first), secrets masked",
      tags: ["config"],
      permit: "viewer",
      path: documentPath,
      query: diffQuery,
      errors: [404],
      answers: { 200: { description: "Each change with its path and the value on each side.", schema: z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(change) }) } },
    }),
  },
  "/api/v1/config/{service}/{environment}/drift": {
    get: operation({
      summary: "The live instances of the service in the environment, whether each runs the current version, and since when the others lag",
      tags: ["config"],
      permit: "viewer",
      path: documentPath,
      answers: {
        200: {
          description: "Laggards first.",
          schema: z.object({
            service: z.string(),
            environment: z.string(),
            currentVersion: z.number().int(),
            current: z.number().int(),
            lagging: z.number().int(),
            instances: z.array(z.looseObject({ instance: z.string(), configVersion: z.number().int().nullable(), lastSeen: time, laggingSince: time.nullable() })),
          }),
        },
      },
    }),
  },
  "/api/v1/config/{service}/{environment}/bake": {
    delete: operation({
      summary: "End the running bake early: the version stays, and alerts no longer roll it back",
      tags: ["config"],
      verb: endBake,
      path: documentPath,
      body: endBakeBody,
      errors: [404, 409],
      answers: { 200: { description: "The version that was baking; 409 when no bake runs.", schema: created } },
    }),
  },
};
