import { afterAll, beforeAll, expect, it } from "vitest";
import { seedServiceToken, seedUser, unique } from "../support/accounts";
import { startAlertmanager, type RunningAlertmanager } from "../support/alertmanager";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/** A real Prometheus Alertmanager 0.25 delivering to the console, as a team would configure it. */

let app: TestApp;
let alertmanager: RunningAlertmanager;
let viewer: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const { token } = await seedServiceToken(db, "*");
  alertmanager = await startAlertmanager(`${app.url}/api/v1/alerts/alertmanager`, token);
  const person = await seedUser(db, "viewer");
  viewer = await app.signedIn(person.email, person.password);
});
afterAll(async () => {
  await alertmanager?.stop();
  await app?.stop();
});

interface AlertJson {
  status: string;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  endsAt: string | null;
}

async function alertsNamed(alertname: string): Promise<AlertJson[]> {
  const res = await viewer.get(`/api/v1/alerts?label=${encodeURIComponent(`alertname=${alertname}`)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { alerts: AlertJson[] }).alerts;
}

it("receives what Alertmanager fires, once per alert, and resolves it when Alertmanager does", async () => {
  const alertname = unique("DiskWillFillIn4Hours");
  const labels = { alertname, service: "graph-ingest", severity: "page", instance: "graph-ingest-1:9100", mountpoint: "/var/lib/graph" };
  const annotations = { summary: "Disk on graph-ingest-1 fills within 4 hours", runbook_url: "https://runbooks.example.com/disk" };
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  await alertmanager.post([{ labels, annotations, startsAt, generatorURL: "http://prometheus.example.com/graph?g0.expr=disk" }]);

  await expect.poll(() => alertsNamed(alertname), { timeout: 20_000, interval: 200 }).toEqual([
    expect.objectContaining({ status: "firing", severity: "critical", labels, annotations: expect.objectContaining(annotations), endsAt: null }),
  ]);

  // Alertmanager repeats an alert that is still firing; the console keeps it as one.
  await alertmanager.post([{ labels, annotations, startsAt }]);
  await alertmanager.post([{ labels, annotations, startsAt, endsAt: new Date(Date.now() - 1_000).toISOString() }]);
  await expect.poll(async () => (await alertsNamed(alertname)).map((a) => a.status), { timeout: 20_000, interval: 200 }).toEqual(["resolved"]);
});

it("keeps the alerts of one Alertmanager group apart, each with its own labels", async () => {
  const alertname = unique("TargetDown");
  const instances = ["rag-api-1:8080", "rag-api-2:8080", "rag-api-3:8080"];
  await alertmanager.post(instances.map((instance) => ({ labels: { alertname, instance, service: "rag-api", severity: "warning" }, annotations: { summary: `${instance} is down` } })));

  await expect
    .poll(async () => (await alertsNamed(alertname)).map((a) => a.labels.instance).sort(), { timeout: 20_000, interval: 200 })
    .toEqual(instances);
  for (const alert of await alertsNamed(alertname)) expect(alert).toMatchObject({ status: "firing", severity: "warning" });
});
