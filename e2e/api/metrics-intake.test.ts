import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { rowCounts } from "../support/rows";

let app: TestApp;
let viewer: Caller;

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(user.email, user.password);
});
afterAll(() => app?.stop());

interface StoredPoint {
  name: string;
  kind: string;
  tags: Record<string, string>;
  value: number;
}

/** Every point stored for a service, read from the tables themselves. */
function storedPoints(service: string): Promise<StoredPoint[]> {
  return app.database.sql<StoredPoint[]>`
    select s.name, s.kind, s.tags, p.value from metric_series s join metric_points p on p.series_id = s.id
    where s.service = ${service} order by s.name, p.ts`;
}

const otlpBody = (service: string, metrics: unknown[]) => ({
  resourceMetrics: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] }, scopeMetrics: [{ metrics }] }],
});

describe("POST /api/otlp/v1/metrics", () => {
  it("stores what the official OpenTelemetry exporter sends: sums, gauges and histograms with their service and attributes", async () => {
    const { token } = await seedServiceToken(app.database.db, "otel-checkout");
    const exporter = new OTLPMetricExporter({ url: `${app.url}/api/otlp/v1/metrics`, headers: { authorization: `Bearer ${token}` } });
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ "service.name": "otel-checkout", "service.instance.id": "checkout-1" }),
      readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })],
    });
    const meter = provider.getMeter("checkout");
    meter.createCounter("http.server.requests").add(7, { route: "/pay", status: "200" });
    meter.createGauge("queue.depth").record(42);
    const latency = meter.createHistogram("http.server.duration", { advice: { explicitBucketBoundaries: [10, 100, 1000] } });
    for (const ms of [5, 5, 50, 50, 50, 500]) latency.record(ms, { route: "/pay" });
    // Shutting down exports what was recorded, once.
    await provider.shutdown();

    const points = await storedPoints("otel-checkout");
    const byName = (name: string) => points.filter((p) => p.name === name);
    expect(byName("http.server.requests")).toEqual([{ name: "http.server.requests", kind: "counter", tags: { route: "/pay", status: "200", instance: "checkout-1" }, value: 7 }]);
    expect(byName("queue.depth")).toEqual([{ name: "queue.depth", kind: "gauge", tags: { instance: "checkout-1" }, value: 42 }]);
    const tags = { route: "/pay", instance: "checkout-1" };
    expect(byName("http.server.duration_count")).toEqual([{ name: "http.server.duration_count", kind: "counter", tags, value: 6 }]);
    expect(byName("http.server.duration_sum")).toEqual([{ name: "http.server.duration_sum", kind: "counter", tags, value: 660 }]);
    // Buckets (0,10] 2, (10,100] 3, (100,1000] 1; the exporter sends min 5 and max 500.
    expect(byName("http.server.duration_p50")[0]?.value).toBeCloseTo(40);
    expect(byName("http.server.duration_p95")[0]?.value).toBeCloseTo(380);
  });

  it("answers an exporter left on its protobuf default with 400 naming the setting to change, and stores nothing", async () => {
    const { token } = await seedServiceToken(app.database.db, "otel-protobuf");
    // The first bytes of an ExportMetricsServiceRequest: field 1 (resource_metrics), length-delimited.
    const protobuf = new Uint8Array([0x0a, 0x2c, 0x0a, 0x1c, 0x0a, 0x1a, 0x0a, 0x0c, 0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x2e]);
    const res = await app.caller({ bearer: token }).send("POST", "/api/otlp/v1/metrics", { raw: protobuf, headers: { "content-type": "application/x-protobuf" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL=http/json");
    expect(await storedPoints("otel-protobuf")).toEqual([]);
  });

  it("skips summaries and exponential histograms, counting them in partialSuccess", async () => {
    const { token } = await seedServiceToken(app.database.db, "otel-partial");
    const res = await app.caller({ bearer: token }).post(
      "/api/otlp/v1/metrics",
      otlpBody("otel-partial", [
        { name: "kept", gauge: { dataPoints: [{ asInt: "3", timeUnixNano: String(BigInt(Date.now()) * 1_000_000n) }] } },
        { name: "summary", summary: { dataPoints: [{ count: "1" }, { count: "2" }] } },
        { name: "exponential", exponentialHistogram: { dataPoints: [{ count: "1" }] } },
      ]),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ partialSuccess: { rejectedDataPoints: 3, errorMessage: expect.stringContaining("summary") } });
    expect(await storedPoints("otel-partial")).toEqual([{ name: "kept", kind: "gauge", tags: {}, value: 3 }]);
  });

  it("refuses a malformed request whole with 400 and writes nothing", async () => {
    const { token } = await seedServiceToken(app.database.db, "otel-broken");
    const before = await rowCounts(app.database.sql);
    for (const body of [
      { resourceMetrics: "not a list" },
      otlpBody("otel-broken", [{ gauge: { dataPoints: [{ asDouble: 1 }] } }]),
      otlpBody("otel-broken", [{ name: "ok", gauge: { dataPoints: [{ asDouble: 1 }] } }, { name: "bad", sum: { dataPoints: [{ asInt: "twelve" }] } }]),
    ]) {
      const res = await app.caller({ bearer: token }).post("/api/otlp/v1/metrics", body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "validation" });
    }
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });

  it("takes the service from the resource, so a token scoped to another service is refused", async () => {
    const { token } = await seedServiceToken(app.database.db, "otel-mine");
    const res = await app.caller({ bearer: token }).post("/api/otlp/v1/metrics", otlpBody("otel-theirs", [{ name: "x", gauge: { dataPoints: [{ asDouble: 1 }] } }]));
    expect(res.status).toBe(403);
    expect(await storedPoints("otel-theirs")).toEqual([]);
  });
});

describe("POST /api/v1/metrics", () => {
  it("stores points with their tags, one series per tag set in any order", async () => {
    const { token } = await seedServiceToken(app.database.db, "native");
    const ts = new Date().toISOString();
    const res = await app.caller({ bearer: token }).post("/api/v1/metrics", [
      { service: "native", name: "orders_total", kind: "counter", value: 10, ts, tags: { region: "eu", tier: "gold" } },
      { service: "native", name: "orders_total", kind: "counter", value: 12, tags: { tier: "gold", region: "eu" } },
    ]);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2 });
    const points = await storedPoints("native");
    expect(points.map((p) => p.value)).toEqual([10, 12]);
    const [series] = await app.database.sql<{ n: number }[]>`select count(*)::int as n from metric_series where service = 'native'`;
    expect(series!.n).toBe(1);
  });

  it("refuses points outside the retained window with 400", async () => {
    const { token } = await seedServiceToken(app.database.db, "native-old");
    const res = await app.caller({ bearer: token }).post("/api/v1/metrics", [{ service: "native-old", name: "x", kind: "gauge", value: 1, ts: "2020-01-01T00:00:00Z" }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ path: "0.ts" }] });
  });

  it("answers 429 and writes nothing once a service would pass its series cap, while its existing series still take points", async () => {
    const { token } = await seedServiceToken(app.database.db, "exploding");
    const caller = app.caller({ bearer: token });
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ service: "exploding", name: "requests", kind: "counter", value: 1, tags: { user: `u${from + i}` } }));
    for (let i = 0; i < 10; i++) expect((await caller.post("/api/v1/metrics", batch(i * 1_000, 1_000))).status).toBe(202);

    const before = await rowCounts(app.database.sql);
    const refused = await caller.post("/api/v1/metrics", [...batch(0, 5), ...batch(10_000, 1)]);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("10000 metric series"), limit: 10_000 });
    expect(await rowCounts(app.database.sql)).toEqual(before);

    expect((await caller.post("/api/v1/metrics", batch(0, 5))).status).toBe(202);

    // Sent at once, the two may be written in one transaction: the batch over the cap still fails alone.
    const [overCap, beside] = await Promise.all([caller.post("/api/v1/metrics", [...batch(0, 5), ...batch(10_001, 1)]), caller.post("/api/v1/metrics", batch(5, 5))]);
    expect([overCap.status, beside.status]).toEqual([429, 202]);
    const [series] = await app.database.sql<{ n: number }[]>`select count(*)::int as n from metric_series where service = 'exploding'`;
    expect(series!.n).toBe(10_000);
  });
});

describe("POST /api/v1/report", () => {
  it("keeps the report's metrics and derives per breaker its rates and latencies, tagged with the instance", async () => {
    const { token } = await seedServiceToken(app.database.db, "reporting");
    const report = (failures: number, successes: number) => ({
      service: "reporting",
      instance: "reporting-1",
      queueDepth: 4,
      breakers: [{ name: "openai", state: "open", failures, successes, failureRate: 0.5, latencyMs: { p50: 100, p95: 400, p99: 900 } }],
      metrics: [{ name: "tokens_total", kind: "counter", value: 1234, tags: { model: "gpt" } }],
    });
    expect((await app.caller({ bearer: token }).post("/api/v1/report", report(1, 1))).status).toBe(200);

    const latest = new Map((await storedPoints("reporting")).map((p) => [p.name, p]));
    const breaker = { breaker: "openai", instance: "reporting-1" };
    expect(latest.get("breaker_error_rate")).toEqual({ name: "breaker_error_rate", kind: "gauge", tags: breaker, value: 0.5 });
    expect(latest.get("breaker_latency_p99_ms")).toMatchObject({ tags: breaker, value: 900 });
    expect(latest.get("breaker_open")).toMatchObject({ tags: breaker, value: 1 });
    expect(latest.get("queue_depth")).toMatchObject({ tags: { instance: "reporting-1" }, value: 4 });
    expect(latest.get("tokens_total")).toEqual({ name: "tokens_total", kind: "counter", tags: { model: "gpt", instance: "reporting-1" }, value: 1234 });

    const res = await viewer.get("/api/v1/metrics/services");
    expect((await res.json()).services).toContainEqual(expect.objectContaining({ service: "reporting", metrics: expect.arrayContaining([{ name: "queue_depth", kind: "gauge", series: 1 }]) }));
  });
});
