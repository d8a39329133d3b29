import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { metricKinds } from "@/drizzle/schema";
import { annotationsQuery } from "@/lib/domain/metrics/annotation-input";
import { annotationKinds } from "@/lib/domain/metrics/annotations";
import { metricsInput } from "@/lib/domain/metrics/point-input";
import { metricsQuery } from "@/lib/domain/metrics/query-input";
import { otlpRequest } from "@/lib/domain/metrics/otlp-input";
import { previewRuleInput } from "@/lib/domain/rules/preview";
import { ruleFields, ruleId } from "@/lib/domain/rules/rule-input";
import { operation } from "./operation";
import { ingestOtlp } from "@/lib/domain/metrics/ingest-otlp";
import { ingestPoints } from "@/lib/domain/metrics/ingest-points";
import { createRule, deleteRule, updateRule } from "@/lib/domain/rules/save-rule";

// The metric intake, query and alert-rule endpoints.

const time = z.iso.datetime({ offset: true });
const seriesLimit = "The service would exceed its metric series cap; nothing was written.";

const rule = ruleFields
  .extend({
    id: z.number().int(),
    state: z.enum(["inactive", "pending", "firing"]),
    lastValue: z.number().nullable(),
    evaluatedAt: time.nullable(),
    createdBy: z.string(),
    updatedAt: time,
  })
  .meta({ id: "AlertRule" });

export const metricPaths: ZodOpenApiPathsObject = {
  "/api/v1/metrics": {
    post: operation({
      summary: "Metric points (a service token scoped to their `service`); series over the service's cap refuse the batch with 429",
      tags: ["metrics"],
      verb: ingestPoints,
      body: metricsInput,
      errors: [429],
      answers: { 202: { description: `Stored. 429: ${seriesLimit}`, schema: z.object({ accepted: z.number().int() }) } },
    }),
  },
  "/api/otlp/v1/metrics": {
    post: operation({
      summary: "OpenTelemetry metrics, OTLP/HTTP with JSON encoding: sums, gauges and histograms (stored as _count, _sum, _p50, _p95, _p99)",
      tags: ["metrics"],
      verb: ingestOtlp,
      body: otlpRequest,
      errors: [429],
      answers: {
        200: {
          description: "As an OTLP collector answers: points skipped (summaries, exponential histograms, no service.name) are counted.",
          schema: z.object({ partialSuccess: z.object({ rejectedDataPoints: z.number().int().optional(), errorMessage: z.string().optional() }) }),
        },
      },
    }),
  },
  "/api/v1/metrics/query": {
    get: operation({
      summary: "A metric's series downsampled on the server to at most `maxPoints` points each",
      tags: ["metrics"],
      permit: "viewer",
      query: metricsQuery.in,
      answers: {
        200: {
          description: "Each series with `[time, value]` points, oldest first.",
          schema: z.object({
            service: z.string(),
            name: z.string(),
            from: time,
            to: time,
            stepSeconds: z.number().int(),
            series: z.array(z.object({ tags: z.record(z.string(), z.string()), points: z.array(z.tuple([time, z.number()])) })),
          }),
        },
      },
    }),
  },
  "/api/v1/metrics/annotations": {
    get: operation({
      summary: "The changes to draw on a service's charts: mode flips, overrides, config publishes and rollbacks, breaker opens and closes, alerts",
      tags: ["metrics"],
      permit: "viewer",
      query: annotationsQuery.in,
      answers: {
        200: {
          description: "Oldest first, each with the page to look into it.",
          schema: z.object({ annotations: z.array(z.object({ at: time, kind: z.enum(annotationKinds), title: z.string(), detail: z.string().nullable(), href: z.string(), breaker: z.object({ name: z.string(), instance: z.string(), from: z.string(), to: z.string() }).nullable() })) }),
        },
      },
    }),
  },
  "/api/v1/metrics/services": {
    get: operation({
      summary: "Services with metrics, and their metric names",
      tags: ["metrics"],
      permit: "viewer",
      answers: {
        200: {
          description: "By service name.",
          schema: z.object({
            services: z.array(z.object({ service: z.string(), series: z.number().int(), metrics: z.array(z.object({ name: z.string(), kind: z.enum(metricKinds), series: z.number().int() })) })),
          }),
        },
      },
    }),
  },
  "/api/v1/rules": {
    get: operation({
      summary: "Alert rules on metrics, with their evaluation state",
      tags: ["rules"],
      permit: "viewer",
      answers: { 200: { description: "By service and name.", schema: z.object({ rules: z.array(rule) }) } },
    }),
    post: operation({
      summary: "Create an alert rule",
      tags: ["rules"],
      verb: createRule,
      body: ruleFields,
      errors: [409],
      answers: { 201: { description: "The rule.", schema: rule } },
    }),
  },
  "/api/v1/rules/{id}": {
    put: operation({
      summary: "Replace an alert rule; its evaluation starts over and an alert it raised resolves",
      tags: ["rules"],
      verb: updateRule,
      path: ruleId,
      body: ruleFields,
      errors: [404, 409],
      answers: { 200: { description: "The rule as it is now.", schema: rule } },
    }),
    delete: operation({
      summary: "Delete an alert rule; an alert it raised resolves",
      tags: ["rules"],
      verb: deleteRule,
      path: ruleId,
      errors: [404],
      answers: { 200: { description: "The deleted rule's id.", schema: z.object({ deleted: z.number().int() }) } },
    }),
  },
  "/api/v1/rules/preview": {
    post: operation({
      summary: "A rule evaluated over the last 24 hours, and where it would have fired",
      tags: ["rules"],
      permit: "viewer",
      body: previewRuleInput,
      answers: {
        200: {
          description: "Its value every five minutes and its firing intervals.",
          schema: z.object({
            stepSeconds: z.number(),
            points: z.array(z.tuple([time, z.number().nullable()])),
            firing: z.array(z.object({ from: time, to: time })),
          }),
        },
      },
    }),
  },
};
