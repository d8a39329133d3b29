import { z } from "zod";
import { topics } from "@/lib/live/topics";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { breakerEventsInput, overrideBody, overridePath } from "@/lib/domain/breakers/inputs";
import { clearModeBody, servicePath, setModeBody } from "@/lib/domain/modes/inputs";
import { MAX_WAIT_SECONDS } from "@/lib/domain/control/read-control";
import { findInput } from "@/lib/domain/search/find-anything";
import { reportInput } from "@/lib/domain/services/report-schema";
import { accessPaths } from "./openapi/access";
import { alertPaths } from "./openapi/alerts";
import { metricPaths } from "./openapi/metrics";
import { probePaths } from "./openapi/probes";
import { configPaths } from "./openapi/config";
import { changePaths } from "./openapi/changes";
import { configRolloutPaths } from "./openapi/config-rollout";
import { incidentPaths } from "./openapi/incidents";
import { operation, securitySchemes } from "./openapi/operation";
import * as answer from "./openapi/schemas";
import { ingestBreakerEvents } from "@/lib/domain/breakers/ingest-events";
import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { clearMode, setMode } from "@/lib/domain/modes/set-mode";
import { ingestReport } from "@/lib/domain/services/ingest-report";

/**
 * Every route under app/api, by path and method. A route added to the API gets its entry here, with
 * the zod schema its verb parses as the body, so the document cannot drift from the validation.
 */
export const paths: ZodOpenApiPathsObject = {
  ...alertPaths,
  ...metricPaths,
  ...configPaths,
  ...changePaths,
  ...configRolloutPaths,
  ...incidentPaths,
  "/api/v1/report": {
    post: operation({
      summary: "One instance reports its state and gets its control document back",
      tags: ["services"],
      verb: ingestReport,
      body: reportInput,
      answers: { 200: { description: "The service's control document.", schema: answer.controlDocument } },
    }),
  },
  "/api/v1/services": {
    get: operation({
      summary: "Services with their instances",
      tags: ["services"],
      permit: "viewer",
      answers: { 200: { description: "Every service that has reported, by name.", schema: answer.servicesPage } },
    }),
  },
  "/api/v1/attention": {
    get: operation({
      summary: "What needs someone now: firing alerts, open breakers, services off their normal mode, expiring overrides, bakes, rollouts in progress, stale and drifted instances",
      tags: ["services"],
      permit: "viewer",
      answers: {
        200: {
          description: "Each list empty when all is clear.",
          schema: z.looseObject({
            alerts: z.looseObject({ firing: z.looseObject({ critical: z.number().int(), warning: z.number().int(), info: z.number().int() }) }),
            breakers: z.array(z.looseObject({ service: z.string(), breaker: z.string(), open: z.number().int() })),
            modes: z.array(z.looseObject({ service: z.string(), mode: z.string() })),
            expiring: z.array(z.looseObject({ service: z.string(), expiresAt: z.string() })),
            bakes: z.array(z.looseObject({ service: z.string(), version: z.number().int() })),
            rollouts: z.array(z.looseObject({ service: z.string(), environment: z.string(), version: z.number().int(), status: z.enum(["running", "paused"]), percent: z.number().int() })),
            instances: z.array(z.looseObject({ service: z.string(), stale: z.number().int(), drifted: z.number().int() })),
          }),
        },
      },
    }),
  },
  "/api/v1/search": {
    get: operation({
      summary: "Services, breakers and open alerts whose names contain the text, a few of each (the command palette)",
      tags: ["services"],
      permit: "viewer",
      query: findInput,
      answers: {
        200: {
          description: "Up to 8 of each kind, likeliest first.",
          schema: z.looseObject({ services: z.array(z.looseObject({ name: z.string() })), breakers: z.array(z.looseObject({ service: z.string(), breaker: z.string() })), alerts: z.array(z.looseObject({ id: z.number().int(), name: z.string() })) }),
        },
      },
    }),
  },
  "/api/v1/breakers/events": {
    post: operation({
      summary: "Exact breaker transitions as a breaker library emits them; counting events are tallied, not stored one by one",
      tags: ["breakers"],
      verb: ingestBreakerEvents,
      body: breakerEventsInput,
      answers: { 202: { description: "Accepted.", schema: answer.acceptedEvents } },
    }),
  },
  "/api/v1/control/{service}": {
    get: operation({
      summary: "The desired state for a service, with an ETag; long-polls with If-None-Match and `wait`",
      tags: ["services"],
      permit: "viewer",
      path: servicePath,
      query: z.object({
        wait: z.number().int().min(0).max(MAX_WAIT_SECONDS).optional().meta({ description: "Seconds to hold a request whose If-None-Match is current." }),
        instance: z.string().optional(),
      }),
      answers: {
        200: { description: "The control document (also readable with a service token covering the service).", schema: answer.controlDocument },
        304: { description: "Unchanged during the wait.", schema: null },
      },
    }),
  },
  "/api/v1/control/{service}/stream": {
    get: operation({
      summary: "Server-Sent Events for one instance: its control document, and config bodies, pushed on every change",
      tags: ["services"],
      permit: "service",
      path: servicePath,
      query: z.object({
        instance: z.string(),
        environment: z.string().optional().meta({ description: "The config environment whose bodies `config` events carry; production unless given." }),
      }),
      answers: {
        200: {
          description:
            "`event: control` with the whole control document and `id` its revision, on connect (unless `Last-Event-ID` is the current revision) and on every committed change; `event: config` with `{environment, version, body}` (or `tooLarge: true` over 256 KiB); a comment every 15 s.",
          schema: z.string().meta({ example: 'id: 42\nevent: control\ndata: {"service":"rag-api","revision":42}\n\n' }),
          contentType: "text/event-stream",
        },
      },
    }),
  },
  "/api/v1/services/{service}/mode": {
    put: operation({
      summary: "Flip a service's degradation mode",
      tags: ["modes"],
      verb: setMode,
      path: servicePath,
      body: setModeBody,
      errors: [404, 409, 422],
      answers: { 200: { description: "The control document as it is now.", schema: answer.controlDocument } },
    }),
    delete: operation({
      summary: "Return a service to its automatic mode",
      tags: ["modes"],
      verb: clearMode,
      path: servicePath,
      body: clearModeBody,
      errors: [404, 409],
      answers: { 200: { description: "The control document as it is now.", schema: answer.controlDocument } },
    }),
  },
  "/api/v1/services/{service}/breakers": {
    get: operation({
      summary: "A service's breakers aggregated over its instances, with each instance and the latest transitions",
      tags: ["breakers"],
      permit: "viewer",
      path: servicePath,
      errors: [404],
      answers: { 200: { description: "Trouble first.", schema: answer.serviceBreakers } },
    }),
  },
  "/api/v1/services/{service}/breakers/{name}/override": {
    put: operation({
      summary: "Force a breaker open or closed on every instance, or clear the force",
      tags: ["breakers"],
      verb: setBreakerOverride,
      path: overridePath,
      body: overrideBody,
      errors: [404, 409],
      answers: { 200: { description: "The control document as it is now.", schema: answer.controlDocument } },
    }),
  },
  "/api/v1/breakers": {
    get: operation({
      summary: "Every breaker of the fleet, one card per (service, breaker) aggregated over its instances",
      tags: ["breakers"],
      permit: "viewer",
      answers: { 200: { description: "Trouble first: open, half-open, forced, then by failure rate.", schema: answer.breakerCards } },
    }),
  },
  "/api/v1/modes": {
    get: operation({
      summary: "Per service the desired mode, its convergence over the instances, the queue depth and the latest changes",
      tags: ["modes"],
      permit: "viewer",
      answers: { 200: { description: "Every service, by name; `revision` is the `expectedRevision` of a flip.", schema: answer.serviceModes } },
    }),
  },
  "/api/v1/stream": {
    get: operation({
      summary: "Server-Sent Events: one event per committed change",
      tags: ["live"],
      permit: "viewer",
      answers: {
        200: {
          description: `\`event: <topic>\` and \`data: {"topic", "id"}\` per change (topics: ${topics.join(", ")}; the id names the resource, \`*\` when anything in the topic may have changed), a comment every 15 s.`,
          schema: z.string().meta({ example: 'event: service\ndata: {"topic":"service","id":"rag-api"}\n\n' }),
          contentType: "text/event-stream",
        },
      },
    }),
  },
  ...accessPaths,
  ...probePaths,
};

let document: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  document ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Breakwater",
      version: "1",
      description: "The operations console for circuit breakers, degradation modes, alerts and config.",
    },
    paths,
    components: { securitySchemes },
  });
  return document;
}
