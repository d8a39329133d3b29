import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { incidentStatuses, severities } from "@/drizzle/schema";
import { changeKinds } from "@/lib/domain/changes/service-changes";
import { exportQuery, incidentQuery, noteBody } from "@/lib/domain/incidents/incident-input";
import { operation } from "./operation";
import { addIncidentNote } from "@/lib/domain/incidents/add-note";

// From an alert to the fix: an alert's context, and incidents with their timeline and record.

const time = z.iso.datetime({ offset: true });
const alertPath = z.object({ id: z.string().meta({ description: "The alert's id." }) });
const incidentPath = z.object({ id: z.string().meta({ description: "The incident's id." }) });

const change = z
  .looseObject({
    at: time,
    kind: z.enum(changeKinds),
    service: z.string(),
    summary: z.string(),
    actor: z.string().nullable(),
    auditId: z.number().int().nullable(),
    lastBeforeFiring: z.boolean(),
  })
  .meta({ id: "AlertChange" });

const common = { service: z.string(), reason: z.string(), alertId: z.number().int(), effect: z.string() };
const action = z
  .discriminatedUnion("kind", [
    z.looseObject({ kind: z.literal("flip_mode"), mode: z.string(), ...common }),
    z.looseObject({ kind: z.literal("force_breaker"), breaker: z.string(), override: z.literal("forced_open"), ...common }),
    z.looseObject({ kind: z.literal("rollback_config"), environment: z.string(), toVersion: z.number().int(), expectedVersion: z.number().int(), ...common }),
  ])
  .meta({ id: "SuggestedAction" });

const incident = z
  .looseObject({
    id: z.number().int(),
    title: z.string(),
    status: z.enum(incidentStatuses),
    severity: z.enum(severities),
    services: z.array(z.string()),
    openedAt: time,
    resolvedAt: time.nullable(),
    alertIds: z.array(z.number().int()),
  })
  .meta({ id: "Incident" });

const entry = z
  .looseObject({
    at: time,
    kind: z.enum(["alert", "ack", "resolve", "breaker", "mode", "override", "config", "note"]),
    summary: z.string(),
    actor: z.string().nullable(),
    alertId: z.number().int().nullable(),
    auditId: z.number().int().nullable(),
  })
  .meta({ id: "IncidentEntry" });

export const incidentPaths: ZodOpenApiPathsObject = {
  "/api/v1/alerts/{id}/context": {
    get: operation({
      summary: "What changed for the alert's service since 30 minutes before it fired, and the actions that fit it",
      tags: ["alerts", "incidents"],
      permit: "viewer",
      path: alertPath,
      errors: [404],
      answers: { 200: { description: "Changes oldest first; actions ready to send as they are.", schema: z.object({ changes: z.array(change), actions: z.array(action) }) } },
    }),
  },
  "/api/v1/incidents": {
    get: operation({
      summary: "Incidents, newest first, paged",
      tags: ["incidents"],
      permit: "viewer",
      query: incidentQuery,
      answers: { 200: { description: "A page of incidents.", schema: z.object({ items: z.array(incident), nextBefore: z.number().int().nullable() }) } },
    }),
  },
  "/api/v1/incidents/{id}": {
    get: operation({
      summary: "One incident with its alerts and its timeline, oldest first",
      tags: ["incidents"],
      permit: "viewer",
      path: incidentPath,
      errors: [404],
      answers: { 200: { description: "The incident.", schema: incident.extend({ timeline: z.array(entry) }) } },
    }),
  },
  "/api/v1/incidents/{id}/notes": {
    post: operation({
      summary: "A responder's note; audited and on the timeline",
      tags: ["incidents"],
      verb: addIncidentNote,
      path: incidentPath,
      body: noteBody,
      errors: [404],
      answers: { 201: { description: "The note was added.", schema: z.object({ incidentId: z.number().int(), text: z.string() }) } },
    }),
  },
  "/api/v1/incidents/{id}/export": {
    get: operation({
      summary: "The post-incident record: summary, timeline, actions, and the audit id and hash of each audited entry",
      tags: ["incidents"],
      permit: "viewer",
      path: incidentPath,
      query: exportQuery,
      errors: [404],
      answers: { 200: { description: "JSON, or Markdown with `format=markdown` (text/markdown).", schema: z.looseObject({ summary: z.looseObject({}), timeline: z.array(entry), actions: z.array(entry) }) } },
    }),
  },
};
