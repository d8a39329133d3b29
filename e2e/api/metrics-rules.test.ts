import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateRules } from "@/lib/domain/rules/evaluate-rules";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId } from "../support/rows";
import { eventually } from "./sdk-fixture";

let app: TestApp;
let admin: Caller;
let reporter: Caller;
const SERVICE = "ruled";

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "admin");
  admin = await app.signedIn(user.email, user.password);
  reporter = app.caller({ bearer: (await seedServiceToken(app.database.db, SERVICE)).token });
});
afterAll(() => app?.stop());

const rule = (name: string, metric: string) => ({
  name,
  service: SERVICE,
  metric,
  aggregation: "avg",
  windowSeconds: 60,
  comparator: ">",
  threshold: 0.5,
  forSeconds: 30,
  severity: "critical",
  labels: { team: "payments" },
  annotations: { runbook: "https://runbooks.example.com/errors" },
});

const push = async (metric: string, value: number, at: number) => {
  const res = await reporter.post("/api/v1/metrics", [{ service: SERVICE, name: metric, kind: "gauge", value, ts: new Date(at).toISOString() }]);
  expect(res.status).toBe(202);
};

/**
 * Evaluates the rules as at `at` until the rule named was evaluated then: the console's own job
 * may hold its row (evaluation skips locked rules), and then this round passes it by.
 */
async function evaluateAt(name: string, at: number): Promise<void> {
  await eventually(`${name} evaluated at ${new Date(at).toISOString()}`, async () => {
    await evaluateRules(app.database.db, new Date(at));
    const [row] = await app.database.sql<{ at: number | null }[]>`select (extract(epoch from evaluated_at) * 1000)::float8 as at from alert_rules where name = ${name}`;
    return row && row.at !== null && row.at >= at ? true : undefined;
  });
}

async function ruleAlerts(name: string) {
  const res = await admin.get(`/api/v1/alerts?label=alertname=${name}`);
  return ((await res.json()) as { alerts: { status: string; severity: string; labels: Record<string, string>; annotations: Record<string, string> }[] }).alerts;
}

describe("alert rules", () => {
  it("fire once the condition has held for `for`, through the alert intake, and resolve when it stops", async () => {
    const created = await admin.post("/api/v1/rules", rule("ErrorsHigh", "error_ratio"));
    expect(created.status).toBe(201);
    // Evaluated here at chosen times, so the job running in the server never gets to these rules.
    const t0 = Date.now() + 600_000;
    await push("error_ratio", 0.9, t0);

    await evaluateAt("ErrorsHigh", t0);
    expect(await ruleAlerts("ErrorsHigh")).toEqual([]);
    await push("error_ratio", 0.8, t0 + 20_000);
    await evaluateAt("ErrorsHigh", t0 + 20_000);
    expect(await ruleAlerts("ErrorsHigh")).toEqual([]);

    // Rules are due every 15 s; 40 s after the condition first held, its 30 s `for` has passed.
    await push("error_ratio", 0.7, t0 + 40_000);
    await evaluateAt("ErrorsHigh", t0 + 40_000);
    expect(await ruleAlerts("ErrorsHigh")).toEqual([
      expect.objectContaining({
        status: "firing",
        severity: "critical",
        labels: { alertname: "ErrorsHigh", service: SERVICE, severity: "critical", team: "payments" },
        annotations: expect.objectContaining({ runbook: "https://runbooks.example.com/errors", summary: expect.stringContaining("error_ratio") }),
      }),
    ]);
    const rules = (await (await admin.get("/api/v1/rules")).json()) as { rules: { name: string; state: string; lastValue: number }[] };
    expect(rules.rules.find((r) => r.name === "ErrorsHigh")).toMatchObject({ state: "firing" });

    await push("error_ratio", 0.1, t0 + 100_000);
    await evaluateAt("ErrorsHigh", t0 + 100_000);
    expect(await ruleAlerts("ErrorsHigh")).toEqual([expect.objectContaining({ status: "resolved" })]);
  });

  it("are created, changed and deleted by admins only, each change audited", async () => {
    const since = await lastAuditId(app.database.sql);
    const res = await admin.post("/api/v1/rules", rule("Audited", "latency"));
    const { id } = (await res.json()) as { id: number };
    expect((await admin.post("/api/v1/rules", rule("Audited", "latency"))).status).toBe(409);
    expect((await admin.send("PUT", `/api/v1/rules/${id}`, { json: { ...rule("Audited", "latency"), threshold: 2 } })).status).toBe(200);
    expect((await admin.delete(`/api/v1/rules/${id}`)).status).toBe(200);
    expect((await admin.delete(`/api/v1/rules/${id}`)).status).toBe(404);
    const events = await auditAfter(app.database.sql, since);
    expect(events.filter((e) => e.outcome === "ok").map((e) => [e.action, e.target])).toEqual([
      ["rule.create", "rule:Audited"],
      ["rule.update", "rule:Audited"],
      ["rule.delete", "rule:Audited"],
    ]);
  });

  it("preview over the last 24 hours where a rule would have fired", async () => {
    const now = Date.now();
    for (const minutesAgo of [50, 45, 40, 35]) await push("preview_ratio", 0.9, now - minutesAgo * 60_000);
    const res = await admin.post("/api/v1/rules/preview", { ...rule("Preview", "preview_ratio"), windowSeconds: 600, forSeconds: 300 });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { stepSeconds: number; points: [string, number | null][]; firing: { from: string; to: string }[] };
    expect(preview.points).toHaveLength(288);
    expect(preview.firing).toHaveLength(1);
    const [{ from, to }] = preview.firing as [{ from: string; to: string }];
    // Holding from the first point's step (50 min ago) on, firing 5 minutes later, until the window empties.
    expect(now - Date.parse(from)).toBeGreaterThan(40 * 60_000);
    expect(now - Date.parse(from)).toBeLessThan(50 * 60_000);
    expect(now - Date.parse(to)).toBeGreaterThan(20 * 60_000);
  });
});
