import { z } from "zod";
import { serviceName } from "../services/report-schema";
import { quantile } from "./histogram";
import { metricName, MAX_POINTS } from "./point-input";
import type { Tags } from "./series-key";
import { acceptedWindow, type Point } from "./write-points";

// OTLP/HTTP with JSON encoding (opentelemetry-proto's JSON mapping): 64-bit integers may arrive as
// strings or numbers; unknown fields are ignored.
const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().int()]);
const attributes = z.array(z.object({ key: z.string().max(200), value: z.record(z.string(), z.unknown()).optional() })).max(100).optional();
const common = { attributes, timeUnixNano: int64.optional() };
const numberPoint = z.object({ ...common, asInt: int64.optional(), asDouble: z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]).optional() });
const histogramPoint = z.object({
  ...common,
  count: int64.optional(),
  sum: z.number().optional(),
  bucketCounts: z.array(int64).max(500).optional(),
  explicitBounds: z.array(z.number()).max(500).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
const skipped = z.object({ dataPoints: z.array(z.unknown()).optional() }).optional();
const metric = z.object({
  name: metricName,
  sum: z.object({ dataPoints: z.array(numberPoint).optional(), isMonotonic: z.boolean().optional() }).optional(),
  gauge: z.object({ dataPoints: z.array(numberPoint).optional() }).optional(),
  histogram: z.object({ dataPoints: z.array(histogramPoint).optional() }).optional(),
  exponentialHistogram: skipped,
  summary: skipped,
});

export const otlpRequest = z.object({
  resourceMetrics: z
    .array(
      z.object({
        resource: z.object({ attributes }).optional(),
        scopeMetrics: z.array(z.object({ metrics: z.array(metric).optional() })).optional(),
      }),
    )
    .optional(),
});

export interface OtlpBatch {
  points: Point[];
  rejected: number;
  /** Why points were rejected, for `partialSuccess.errorMessage`. */
  reasons: string[];
}

type Metric = z.output<typeof metric>;
type Attributes = z.output<typeof attributes>;

/** The request as points: sums and gauges as they are, histograms as count, sum and p50/p95/p99. */
export const otlpInput = otlpRequest.transform((request, ctx): OtlpBatch => {
  const batch: OtlpBatch = { points: [], rejected: 0, reasons: [] };
  const reject = (n: number, reason: string) => {
    batch.rejected += n;
    if (n > 0 && !batch.reasons.includes(reason)) batch.reasons.push(reason);
  };
  const now = Date.now();
  const window = acceptedWindow(now);
  for (const resource of request.resourceMetrics ?? []) {
    const resourceTags = tagsOf(resource.resource?.attributes);
    const service = serviceName.safeParse(resourceTags["service.name"]);
    // Instances of one service export the same series; the instance keeps them apart.
    const instance = resourceTags["service.instance.id"];
    for (const scope of resource.scopeMetrics ?? []) {
      for (const m of scope.metrics ?? []) {
        if (!service.success) reject(countPoints(m), "service.name is missing from the resource or not a valid service name");
        else pointsOf(service.data, instance, m, now, window, batch.points, reject);
      }
    }
  }
  if (batch.points.length > MAX_POINTS) ctx.addIssue({ code: "custom", path: ["resourceMetrics"], message: `at most ${MAX_POINTS} points per request` });
  return batch;
});

function pointsOf(service: string, instance: string | undefined, m: Metric, now: number, window: { from: number; to: number }, out: Point[], reject: (n: number, reason: string) => void): void {
  reject(m.summary?.dataPoints?.length ?? 0, "summary metrics are not stored");
  reject(m.exponentialHistogram?.dataPoints?.length ?? 0, "exponential histograms are not stored");
  const push = (name: string, kind: Point["kind"], tags: Tags, ts: number, value: number) =>
    out.push({ service, name, kind, tags: instance === undefined ? tags : { ...tags, instance }, ts, value });
  const numbers: [typeof m.gauge, Point["kind"]][] = [
    [m.gauge, "gauge"],
    [m.sum, m.sum?.isMonotonic ? "counter" : "gauge"],
  ];
  for (const [data, kind] of numbers) {
    for (const p of data?.dataPoints ?? []) {
      const ts = timeOf(p.timeUnixNano, now);
      const value = p.asDouble !== undefined ? Number(p.asDouble) : p.asInt !== undefined ? Number(p.asInt) : NaN;
      if (!Number.isFinite(value)) reject(1, "a data point without a finite value");
      else if (ts < window.from || ts > window.to) reject(1, "a data point outside the retained window");
      else push(m.name, kind, tagsOf(p.attributes), ts, value);
    }
  }
  for (const p of m.histogram?.dataPoints ?? []) {
    const ts = timeOf(p.timeUnixNano, now);
    if (ts < window.from || ts > window.to) {
      reject(1, "a data point outside the retained window");
      continue;
    }
    const tags = tagsOf(p.attributes);
    if (p.count !== undefined) push(`${m.name}_count`, "counter", tags, ts, Number(p.count));
    if (p.sum !== undefined) push(`${m.name}_sum`, "counter", tags, ts, p.sum);
    const buckets = { explicitBounds: p.explicitBounds ?? [], bucketCounts: (p.bucketCounts ?? []).map(Number), min: p.min, max: p.max };
    for (const [suffix, q] of [["p50", 0.5], ["p95", 0.95], ["p99", 0.99]] as const) {
      const value = quantile(q, buckets);
      if (value !== null) push(`${m.name}_${suffix}`, "gauge", tags, ts, value);
    }
  }
}

function countPoints(m: Metric): number {
  return [m.sum, m.gauge, m.histogram, m.summary, m.exponentialHistogram].reduce((n, d) => n + (d?.dataPoints?.length ?? 0), 0);
}

/** Nanoseconds since the epoch to ms; a point without a time (or with 0) is stamped now. */
function timeOf(nanos: string | number | undefined, now: number): number {
  if (nanos === undefined) return now;
  const ms = typeof nanos === "string" ? Number(BigInt(nanos) / 1_000_000n) : Math.floor(nanos / 1e6);
  return ms === 0 ? now : ms;
}

/** Attributes as tags: scalar values as text, arrays and maps as their JSON. */
function tagsOf(list: Attributes): Tags {
  const tags: Tags = {};
  for (const { key, value } of list ?? []) {
    if (!value) continue;
    const scalar = value.stringValue ?? value.boolValue ?? value.intValue ?? value.doubleValue;
    tags[key] = String(scalar ?? JSON.stringify(value.arrayValue ?? value.kvlistValue ?? value.bytesValue ?? null)).slice(0, 200);
  }
  return tags;
}
