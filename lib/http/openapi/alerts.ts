import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { alertStatuses, channelTypes, severities } from "@/drizzle/schema";
import { ackAlertsInput, note } from "@/lib/domain/alerts/alert-input";
import { ingestAlertmanager, ingestAlerts } from "@/lib/domain/alerts/ingest";
import { alertmanagerInput, nativeAlertsInput } from "@/lib/domain/alerts/intake-input";
import { alertQuery } from "@/lib/domain/alerts/list-alerts";
import { channelName, createChannelInput } from "@/lib/domain/channels/channel-input";
import { publishRouting, publishRoutingInput } from "@/lib/domain/routing/publish-routing";
import { previewRoutingInput } from "@/lib/domain/routing/preview-routing";
import { testRouteInput } from "@/lib/domain/routing/test-route";
import { createSilenceInput, previewSilenceInput, silenceId } from "@/lib/domain/silences/silence-input";
import { operation } from "./operation";
import { ackAlert, ackAlerts } from "@/lib/domain/alerts/ack";
import { resolveAlert } from "@/lib/domain/alerts/resolve";
import { createChannel, updateChannel } from "@/lib/domain/channels/save-channel";
import { createSilence, expireSilence } from "@/lib/domain/silences/save-silence";

// The alert, silence, channel and routing endpoints. Answers are described loosely: the fields
// named in the contract, others allowed.

const time = z.iso.datetime({ offset: true });
const idPath = z.object({ id: z.string().meta({ description: "The alert's id." }) });

const alert = z
  .looseObject({
    id: z.number().int(),
    fingerprint: z.string(),
    status: z.enum(alertStatuses),
    severity: z.enum(severities),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    startsAt: time,
    endsAt: time.nullable(),
    updatedAt: time,
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: time.nullable(),
  })
  .meta({ id: "Alert" });

const alertDetail = alert
  .extend({
    timeline: z.array(z.looseObject({ kind: z.string(), at: time, actor: z.string().nullable(), note: z.string().nullable() })),
    deliveries: z.array(
      z.looseObject({
        event: z.string(),
        status: z.string(),
        channel: z.object({ id: z.string(), name: z.string(), type: z.enum(channelTypes) }),
        attempts: z.array(z.object({ at: time, ok: z.boolean(), statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "AlertDetail" });

const silence = z
  .looseObject({ id: z.string(), matchers: z.array(z.object({ label: z.string(), op: z.string(), value: z.string() })), startsAt: time, endsAt: time, comment: z.string(), state: z.enum(["pending", "active", "expired"]) })
  .meta({ id: "Silence" });

const channel = z.looseObject({ id: z.string(), name: z.string(), type: z.enum(channelTypes), config: z.record(z.string(), z.unknown()), flagged: z.boolean() }).meta({ id: "Channel" });
const routing = z.object({ version: z.number().int(), tree: z.record(z.string(), z.unknown()) }).meta({ id: "Routing" });
const accepted = z.object({ accepted: z.number().int() });

export const alertPaths: ZodOpenApiPathsObject = {
  "/api/v1/alerts": {
    get: operation({
      summary: "Alerts, newest first, paged",
      tags: ["alerts"],
      permit: "viewer",
      query: alertQuery.extend({ label: z.string().optional().meta({ description: "`name=value`; repeat for several." }) }),
      answers: { 200: { description: "A page of alerts.", schema: z.object({ alerts: z.array(alert), nextBefore: z.number().int().nullable() }) } },
    }),
    post: operation({
      summary: "Alerts pushed by a service or script (a service token scoped to their `service` label, or a responder)",
      tags: ["alerts"],
      verb: ingestAlerts,
      body: nativeAlertsInput,
      answers: { 202: { description: "Accepted; the same alert sent again is one alert.", schema: accepted } },
    }),
  },
  "/api/v1/alerts/alertmanager": {
    post: operation({
      summary: "A Prometheus Alertmanager webhook receiver, payload version 4 (a service token scoped to `*`, or a responder)",
      tags: ["alerts"],
      verb: ingestAlertmanager,
      body: alertmanagerInput,
      answers: { 202: { description: "Accepted.", schema: accepted } },
    }),
  },
  "/api/v1/alerts/counts": {
    get: operation({
      summary: "Firing alerts by severity",
      tags: ["alerts"],
      permit: "viewer",
      answers: { 200: { description: "Counts of alerts firing, neither acknowledged nor silenced.", schema: z.object({ critical: z.number().int(), warning: z.number().int(), info: z.number().int() }) } },
    }),
  },
  "/api/v1/alerts/ack": {
    post: operation({
      summary: "Acknowledge several alerts",
      tags: ["alerts"],
      verb: ackAlerts,
      body: ackAlertsInput,
      answers: { 200: { description: "How many were firing and are acknowledged now.", schema: z.object({ acknowledged: z.number().int() }) } },
    }),
  },
  "/api/v1/alerts/{id}": {
    get: operation({
      summary: "One alert with its timeline and delivery attempts",
      tags: ["alerts"],
      permit: "viewer",
      path: idPath,
      errors: [404],
      answers: { 200: { description: "The alert.", schema: alertDetail } },
    }),
  },
  "/api/v1/alerts/{id}/ack": {
    post: operation({
      summary: "Acknowledge an alert; twice is harmless",
      tags: ["alerts"],
      verb: ackAlert,
      path: idPath,
      body: z.object({ note }),
      errors: [404],
      answers: { 200: { description: "The alert as it is now.", schema: alert } },
    }),
  },
  "/api/v1/alerts/{id}/resolve": {
    post: operation({
      summary: "Resolve an alert",
      tags: ["alerts"],
      verb: resolveAlert,
      path: idPath,
      body: z.object({ note }),
      errors: [404],
      answers: { 200: { description: "The alert as it is now.", schema: alert } },
    }),
  },
  "/api/v1/silences": {
    get: operation({
      summary: "Active, pending and recently expired silences",
      tags: ["silences"],
      permit: "viewer",
      answers: { 200: { description: "Silences, active first.", schema: z.object({ silences: z.array(silence) }) } },
    }),
    post: operation({
      summary: "Silence the alerts matching every matcher",
      tags: ["silences"],
      verb: createSilence,
      body: createSilenceInput,
      errors: [422],
      answers: { 201: { description: "The silence; 422 when it would match every alert.", schema: silence } },
    }),
  },
  "/api/v1/silences/preview": {
    post: operation({
      summary: "The open alerts a silence with these matchers would cover",
      tags: ["silences"],
      permit: "viewer",
      body: previewSilenceInput,
      answers: { 200: { description: "The matched alerts.", schema: z.object({ matchesEveryAlert: z.boolean(), count: z.number().int(), alerts: z.array(alert) }) } },
    }),
  },
  "/api/v1/silences/{id}": {
    delete: operation({
      summary: "Expire a silence now",
      tags: ["silences"],
      verb: expireSilence,
      path: z.object({ id: silenceId }),
      errors: [404],
      answers: { 200: { description: "The silence, expired.", schema: silence } },
    }),
  },
  "/api/v1/channels": {
    get: operation({
      summary: "Notification channels, secrets masked",
      tags: ["routing"],
      permit: "admin",
      answers: { 200: { description: "Every channel, flagged when it keeps failing.", schema: z.object({ channels: z.array(channel) }) } },
    }),
    post: operation({
      summary: "Add a channel",
      tags: ["routing"],
      verb: createChannel,
      body: createChannelInput,
      errors: [409],
      answers: { 201: { description: "The channel, secrets masked.", schema: channel } },
    }),
  },
  "/api/v1/channels/{name}": {
    put: operation({
      summary: "Replace a channel's config; masked values keep the stored secrets",
      tags: ["routing"],
      verb: updateChannel,
      path: z.object({ name: channelName }),
      body: z.object({ config: z.record(z.string(), z.unknown()) }),
      errors: [404],
      answers: { 200: { description: "The channel, secrets masked.", schema: channel } },
    }),
  },
  "/api/v1/routing": {
    get: operation({
      summary: "The routing tree in force (version 0 is the default tree)",
      tags: ["routing"],
      permit: "viewer",
      answers: { 200: { description: "The tree and its version, with who published it and when (null for the default tree).", schema: routing.extend({ updatedBy: z.string().nullable(), updatedAt: time.nullable() }) } },
    }),
    put: operation({
      summary: "Publish a new version of the routing tree",
      tags: ["routing"],
      verb: publishRouting,
      body: publishRoutingInput,
      errors: [409, 422],
      answers: { 200: { description: "The new version; 409 on a stale `expectedVersion`, 422 naming an unknown channel.", schema: routing } },
    }),
  },
  "/api/v1/routing/versions": {
    get: operation({
      summary: "Published versions of the routing tree, newest first",
      tags: ["routing"],
      permit: "viewer",
      answers: { 200: { description: "Each version with its tree, who published it and when.", schema: z.object({ versions: z.array(routing.extend({ createdBy: z.string(), createdAt: time })) }) } },
    }),
  },
  "/api/v1/routing/test": {
    post: operation({
      summary: "Where an alert with these labels would go",
      tags: ["routing"],
      permit: "viewer",
      body: testRouteInput,
      answers: { 200: { description: "The routes it reaches and their channels.", schema: z.looseObject({ routes: z.array(z.looseObject({ path: z.string(), receiver: z.string() })) }) } },
    }),
  },
  "/api/v1/routing/preview": {
    post: operation({
      summary: "The last 24 hours of alerts (at most 10,000) replayed through a candidate tree",
      tags: ["routing"],
      permit: "viewer",
      body: previewRoutingInput,
      answers: {
        200: {
          description: "The moves, largest first.",
          schema: z.looseObject({
            basedOn: z.number().int(),
            alerts: z.number().int(),
            moved: z.number().int(),
            truncated: z.boolean(),
            moves: z.array(z.looseObject({ from: z.array(z.string()), to: z.array(z.string()), count: z.number().int(), examples: z.array(z.string()) })),
          }),
        },
      },
    }),
  },
};
