import { db } from "@/lib/db/client";
import { ingestAlertmanager, ingestAlerts } from "@/lib/domain/alerts/ingest";
import { ingestBreakerEvents } from "@/lib/domain/breakers/ingest-events";
import { readCurrentConfig } from "@/lib/domain/config/read-current";
import { CONTROL_STREAM_HEADERS, openControlStream } from "@/lib/domain/control/stream";
import { controlStreamRequest } from "@/lib/http/control-stream";
import { ingestOtlp } from "@/lib/domain/metrics/ingest-otlp";
import { ingestPoints } from "@/lib/domain/metrics/ingest-points";
import { ingestReport, reportBatchBounds } from "@/lib/domain/services/ingest-report";
import { controlReadResponse } from "@/lib/http/control-read";
import { errorResponse, json } from "@/lib/http/respond";
import { readiness } from "@/lib/observability/readiness";
import { laneCtx } from "./caller";
import { nodeSink, webHandler, writeWebResponse } from "./node-adapter";
import { nodeHeaders, writeJson } from "./node-request";
import type { LaneHandler, LaneRoute } from "./router";
import type { InFlightBudget } from "./shedding";
import { writeEndpoint } from "./write-endpoint";

const controlLongPoll = webHandler(async (req, params) => {
  const ctx = await laneCtx(req.headers);
  try {
    return await controlReadResponse(ctx, params.service!, req);
  } catch (error) {
    return errorResponse(error, ctx.requestId);
  }
});

const controlStream: LaneHandler = async ({ req, res, params, origin, signal }) => {
  const headers = nodeHeaders(req);
  const ctx = await laneCtx(headers);
  try {
    const request = controlStreamRequest(new URL(req.url ?? "/", origin), headers, signal);
    await openControlStream(ctx, params.service!, request, () => nodeSink(res, { ...CONTROL_STREAM_HEADERS, "x-request-id": ctx.requestId }));
  } catch (error) {
    await writeWebResponse(res, errorResponse(error, ctx.requestId));
  }
};

const currentConfig = webHandler(async (req, params) => {
  const ctx = await laneCtx(req.headers);
  try {
    const read = await readCurrentConfig(db(), ctx, { service: params.service!, environment: params.environment! }, req.headers.get("if-none-match"));
    const headers = { etag: read.etag, "cache-control": "private, no-cache", "x-request-id": ctx.requestId };
    return read.status === 304 ? new Response(null, { status: 304, headers }) : json(read.config, 200, headers);
  } catch (error) {
    return errorResponse(error, ctx.requestId);
  }
});

/** As many reports as their batch queue holds: the batches waiting and the one being written. */
function reportsInFlight(): InFlightBudget {
  const { maxBatch, maxPendingBatches } = reportBatchBounds();
  return { name: "report", max: maxBatch * (maxPendingBatches + 1) };
}

const ready: LaneHandler = async ({ res }) => {
  const state = await readiness();
  if (state.ready) writeJson(res, 200, { status: "ready" });
  else writeJson(res, 503, { status: "unavailable", message: `Not ready: ${state.reason}.` });
};

/** The service-facing endpoints, at the same paths and with the same verbs as the console's route handlers. */
export const laneRoutes: LaneRoute[] = [
  { method: "GET", pattern: "/api/health", unmetered: true, handle: async ({ res }) => writeJson(res, 200, { status: "ok" }) },
  { method: "GET", pattern: "/api/ready", unmetered: true, handle: ready },
  { method: "POST", pattern: "/api/v1/report", inFlight: reportsInFlight(), handle: writeEndpoint(ingestReport) },
  { method: "POST", pattern: "/api/v1/breakers/events", handle: writeEndpoint(ingestBreakerEvents, 202) },
  { method: "GET", pattern: "/api/v1/control/:service", unmetered: true, handle: controlLongPoll },
  { method: "GET", pattern: "/api/v1/control/:service/stream", unmetered: true, handle: controlStream },
  { method: "GET", pattern: "/api/v1/config/:service/:environment", handle: currentConfig },
  { method: "POST", pattern: "/api/v1/alerts", handle: writeEndpoint(ingestAlerts, 202) },
  { method: "POST", pattern: "/api/v1/alerts/alertmanager", handle: writeEndpoint(ingestAlertmanager, 202) },
  { method: "POST", pattern: "/api/v1/metrics", handle: writeEndpoint(ingestPoints, 202) },
  { method: "POST", pattern: "/api/otlp/v1/metrics", handle: writeEndpoint(ingestOtlp) },
];
