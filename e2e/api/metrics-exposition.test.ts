import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAlerts } from "@/lib/domain/alerts/ingest";
import { systemCtx } from "@/lib/domain/context";
import { setMode } from "@/lib/domain/modes/set-mode";
import { ingestReport } from "@/lib/domain/services/ingest-report";
import { startApp, type TestApp } from "../support/app";
import { PROMTOOL } from "../support/debian-packages";

let app: TestApp;
let text: string;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const ctx = systemCtx();
  for (const [instance, state] of [["scraped-1", "open"], ["scraped-2", "open"], ["scraped-3", "closed"]] as const) {
    await ingestReport(ctx, { service: "scraped", instance, breakers: [{ name: "payments", state }] }, db);
  }
  await setMode(ctx, { service: "scraped", mode: "local_queue", reason: "exposition test" }, db);
  await ingestAlerts(ctx, [{ labels: { alertname: "Scraped", service: "scraped", severity: "critical" } }], db);
  const res = await app.caller(null).get("/api/metrics");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  text = await res.text();
});
afterAll(() => app?.stop());

/** The samples of one metric family, as `labels → value`. */
function samples(name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/);
    if (match?.[1] === name) found.set(match[2] ?? "", Number(match[3]));
  }
  return found;
}

describe("GET /api/metrics", () => {
  it("counts instances per breaker state, every state present", () => {
    const breakers = samples("breakwater_breaker_instances");
    expect(breakers.get('{service="scraped",breaker="payments",state="open"}')).toBe(2);
    expect(breakers.get('{service="scraped",breaker="payments",state="closed"}')).toBe(1);
    expect(breakers.get('{service="scraped",breaker="payments",state="half_open"}')).toBe(0);
  });

  it("marks each service's desired mode with 1 and its other modes with 0", () => {
    const modes = samples("breakwater_service_mode");
    expect(modes.get('{service="scraped",mode="local_queue"}')).toBe(1);
    expect(modes.get('{service="scraped",mode="normal"}')).toBe(0);
  });

  it("counts firing alerts by severity", () => {
    const firing = samples("breakwater_alerts_firing");
    expect(firing.get('{severity="critical"}')).toBe(1);
    expect(firing.get('{severity="info"}')).toBe(0);
  });

  it("is in the text format: each family declared once with HELP and TYPE before its samples", () => {
    const declared = new Map<string, string>();
    const helped = new Set<string>();
    for (const line of text.split("\n").filter(Boolean)) {
      const help = line.match(/^# HELP (\S+) .+$/);
      const type = line.match(/^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/);
      if (help) helped.add(help[1]!);
      else if (type) {
        expect(declared.has(type[1]!), `${type[1]} declared twice`).toBe(false);
        declared.set(type[1]!, type[2]!);
      } else {
        const sample = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (\S+)$/);
        expect(sample, line).not.toBeNull();
        // Go's float parser, which Prometheus uses, takes NaN and Inf in any case.
        expect(Number.isNaN(Number(sample![4])) && !/^(nan|[+-]inf)$/i.test(sample![4]!), line).toBe(false);
        const family = [...declared.keys()].find((f) => sample![1] === f || sample![1]!.startsWith(`${f}_`));
        expect(family, `${sample![1]} has no TYPE before it`).toBeDefined();
        expect(helped.has(family!), `${family} has no HELP`).toBe(true);
      }
    }
    expect(declared.get("breakwater_breaker_instances")).toBe("gauge");
  });

  // The global setup makes sure promtool is installed.
  it("passes `promtool check metrics`", () => {
    const check = spawnSync(PROMTOOL.binary, ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(check.stdout + check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});
