import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createToken } from "@/lib/domain/access/service-tokens";
import { ingestAlerts } from "@/lib/domain/alerts/ingest";
import { createChannel } from "@/lib/domain/channels/save-channel";
import { publishConfig } from "@/lib/domain/config/publish";
import { currentVersionOf } from "@/lib/domain/config/read-version";
import { setConfigPolicy } from "@/lib/domain/config/policy/set-policy";
import { scheduleModeFlip } from "@/lib/domain/schedules/create";
import type { Ctx } from "@/lib/domain/context";
import { currentRouting } from "@/lib/domain/routing/current-routing";
import { createRule } from "@/lib/domain/rules/save-rule";
import { createSilence } from "@/lib/domain/silences/save-silence";
import { systemCtx } from "@/lib/domain/context";
import { syncIncidents } from "@/lib/domain/incidents/sync-incidents";
import { ingestReport } from "@/lib/domain/services/ingest-report";
import { seedPersonalToken, seedServiceToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { lastRefusal, rowCounts } from "../support/rows";
import { responseValidator, type ResponseValidator } from "../support/openapi-responses";

/**
 * Every route of the contract × every kind of caller. A refused call answers 401 or 403 and records
 * exactly one refused attempt (an audit event, `denied`, or one more on its folded burst's), and
 * writes nothing else. Add a row for each new route.
 */
const callers = ["nobody", "viewer", "responder", "operator", "admin", "personalToken", "foreignServiceToken"] as const;
type CallerKind = (typeof callers)[number];

interface Request {
  path: string;
  json?: unknown;
}

/** A valid request to a route, so that a caller who may call it succeeds. */
type Build = (db: Db) => Request | Promise<Request>;

interface Row {
  method: string;
  route: string;
  build: Build;
  expected: Record<CallerKind, number>;
}

const SERVICE = "matrix-service";
const SUBJECT = "matrix-subject@example.com";

const plain = (path: string): Build => () => ({ path });
const report: Build = () => ({ path: "/api/v1/report", json: { service: SERVICE, instance: unique("i") } });
const newUser: Build = () => ({ path: "/api/v1/users", json: { email: `${unique("new")}@example.com`, role: "viewer" } });
const lowerSubject: Build = () => ({ path: "/api/v1/users", json: { email: SUBJECT, role: "viewer" } });
const newToken: Build = () => ({ path: "/api/v1/tokens", json: { name: unique("matrix"), service: SERVICE } });
const revocableToken: Build = async (db) => {
  const name = unique("doomed");
  await createToken(systemCtx(), { name, service: SERVICE }, db);
  return { path: `/api/v1/tokens/${name}` };
};

/** The service, one instance and one breaker exist before the request. */
const reported =
  (request: Request): Build =>
  async (db) => {
    await ingestReport(systemCtx(), { service: SERVICE, instance: "matrix-1", breakers: [{ name: "matrix-breaker", state: "closed" }] }, db);
    return request;
  };
const breakerEvents: Build = () => ({ path: "/api/v1/breakers/events", json: [{ service: SERVICE, instance: "matrix-1", breaker: "matrix-breaker", event: "reject" }] });
const flip = reported({ path: `/api/v1/services/${SERVICE}/mode`, json: { mode: "reduced_performance", reason: "matrix" } });
const unflip = reported({ path: `/api/v1/services/${SERVICE}/mode`, json: { reason: "matrix" } });
const override = reported({ path: `/api/v1/services/${SERVICE}/breakers/matrix-breaker/override`, json: { override: "forced_open", reason: "matrix" } });
const alertLabels = () => ({ alertname: unique("Matrix"), service: SERVICE });
const newAlert: Build = () => ({ path: "/api/v1/alerts", json: [{ labels: alertLabels() }] });
const alertmanager: Build = () => ({ path: "/api/v1/alerts/alertmanager", json: { version: "4", status: "firing", alerts: [{ status: "firing", labels: alertLabels(), annotations: {}, startsAt: new Date().toISOString() }] } });
/** An alert exists before the request; `to` makes the request about it. */
const firing =
  (to: (id: number) => Request): Build =>
  async (db) => {
    const labels = alertLabels();
    await ingestAlerts(systemCtx(), [{ labels }], db);
    const [row] = await db.execute<{ id: string }>(sql`select id from alerts where labels->>'alertname' = ${labels.alertname}`);
    return to(Number(row!.id));
  };
/** An open incident of the service exists before the request; `to` makes the request about it. */
const incident =
  (to: (id: number) => Request): Build =>
  async (db) => {
    await ingestAlerts(systemCtx(), [{ labels: { ...alertLabels(), severity: "critical" } }], db);
    await syncIncidents(db, 600);
    const [row] = await db.execute<{ id: string }>(sql`select id from incidents where service = ${SERVICE} and status = 'open'`);
    return to(Number(row!.id));
  };
const matchers = [{ label: "alertname", op: "=", value: "Matrix" }];
const newSilence: Build = () => ({ path: "/api/v1/silences", json: { matchers, endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: "matrix" } });
const expirableSilence: Build = async (db) => {
  const { id } = await createSilence(systemCtx(), { matchers, endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: "matrix" }, db);
  return { path: `/api/v1/silences/${id}` };
};
const newChannel: Build = () => ({ path: "/api/v1/channels", json: { name: unique("matrix"), type: "webhook", config: { url: "http://127.0.0.1:9/hook" } } });
const editableChannel: Build = async (db) => {
  const name = unique("matrix");
  await createChannel(systemCtx(), { name, type: "webhook", config: { url: "http://matrix.test/hook" } }, db);
  return { path: `/api/v1/channels/${name}`, json: { config: { url: "http://matrix.test/other" } } };
};
/** A config version of the service exists before the request (a new one, baking, each time); `to` makes the request about it. */
const CONFIG = `/api/v1/config/${SERVICE}/production`;
const published =
  (to: (version: number) => Request): Build =>
  async (db) => {
    const expectedVersion = await currentVersionOf(db, SERVICE, "production");
    const input = { service: SERVICE, environment: "production", body: { n: expectedVersion }, message: "matrix", expectedVersion, bakeMinutes: 5 };
    return to((await publishConfig(systemCtx(), input, db)).version!);
  };
/** A new version of the matrix document, rolling out: a rollout move has something to act on. */
const rolling =
  (to: () => Request): Build =>
  async (db) => {
    const document = { service: SERVICE, environment: "production", message: "matrix" };
    if ((await currentVersionOf(db, SERVICE, "production")) === 0) await publishConfig(systemCtx(), { ...document, body: { n: 0 }, expectedVersion: 0 }, db);
    const expectedVersion = await currentVersionOf(db, SERVICE, "production");
    await publishConfig(systemCtx(), { ...document, body: { n: expectedVersion }, expectedVersion, rollout: { steps: [10, 100], stepSeconds: 3600 } }, db);
    return to();
  };
const publish: Build = async (db) => ({ path: `${CONFIG}/versions`, json: { body: { n: 0 }, message: "matrix", expectedVersion: await currentVersionOf(db, SERVICE, "production") } });
/** A change request of the staging document (whose policy wants one approval) exists before the request, made by `author`. */
const STAGING = `/api/v1/config/${SERVICE}/staging`;
const requested =
  (to: (id: number) => Request, author: () => Ctx = systemCtx, extra: Record<string, unknown> = {}): Build =>
  async (db) => {
    await setConfigPolicy(systemCtx(), { service: SERVICE, environment: "staging", approvals: 1, freezeWhileCritical: false }, db);
    const expectedVersion = await currentVersionOf(db, SERVICE, "staging");
    const result = await publishConfig(author(), { service: SERVICE, environment: "staging", body: { n: expectedVersion }, message: "matrix", expectedVersion, ...extra }, db);
    return to(result.changeRequest!.id);
  };
/** The matrix's admin, as the author of what it edits. */
const adminCtx = (): Ctx => ({ actor: { kind: "user", id: "matrix-admin", email: as.admin.actor, role: "admin", token: null }, requestId: unique("req"), ip: null, userAgent: null });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const flipSchedule = () => ({ kind: "mode_flip", at: inAnHour(), service: SERVICE, mode: "reduced_performance", reason: "matrix" });
const scheduled: Build = async (db) => {
  await ingestReport(systemCtx(), { service: SERVICE, instance: "matrix-1" }, db);
  const { id } = await scheduleModeFlip(systemCtx(), flipSchedule(), db);
  return { path: `/api/v1/schedules/${id}` };
};
const routing: Build = async (db) => ({ path: "/api/v1/routing", json: { tree: { receiver: "console" }, expectedVersion: (await currentRouting(db)).version } });

const points: Build = () => ({ path: "/api/v1/metrics", json: [{ service: SERVICE, name: "matrix_gauge", kind: "gauge", value: 1 }] });
const otlp: Build = () => ({
  path: "/api/otlp/v1/metrics",
  json: { resourceMetrics: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: SERVICE } }] }, scopeMetrics: [{ metrics: [{ name: "matrix_otlp", gauge: { dataPoints: [{ asDouble: 1 }] } }] }] }] },
});
const ruleFields = () => ({ name: unique("matrix-rule"), service: SERVICE, metric: "matrix_gauge", aggregation: "avg", windowSeconds: 60, comparator: ">", threshold: 1e9 });
const newRule: Build = () => ({ path: "/api/v1/rules", json: ruleFields() });
/** A rule exists before the request; `to` makes the request about it. */
const ruled =
  (to: (id: number) => Request): Build =>
  async (db) => to((await createRule(systemCtx(), ruleFields(), db)).id);
const since = () => new Date(Date.now() - 3_600_000).toISOString();

function row(method: string, route: string, build: Build, ...statuses: number[]): Row {
  return { method, route, build, expected: Object.fromEntries(callers.map((c, i) => [c, statuses[i]!])) as Record<CallerKind, number> };
}

// The personal token belongs to an operator; the foreign service token is scoped to another service.
// prettier-ignore
const matrix: Row[] = [
  //  method    route                    request                               nobody viewer resp. oper. admin pers. foreign
  row("POST",   "/api/v1/report",        report,                                 401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/users",         plain("/api/v1/users"),                 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/users",         newUser,                                401, 403, 403, 403, 201, 403, 403),
  row("PATCH",  "/api/v1/users",         lowerSubject,                           401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/tokens",        plain("/api/v1/tokens"),                401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/tokens",        newToken,                               401, 403, 403, 403, 201, 403, 403),
  row("DELETE", "/api/v1/tokens/{name}", revocableToken,                         401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/audit",         plain("/api/v1/audit"),                 401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/audit/verify",  plain("/api/v1/audit/verify"),          401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/services",      plain("/api/v1/services"),              401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/breakers/events", breakerEvents,                        401, 403, 403, 403, 202, 403, 403),
  row("GET",    "/api/v1/control/{service}", plain(`/api/v1/control/${SERVICE}`), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/control/{service}/stream", plain(`/api/v1/control/${SERVICE}/stream?instance=matrix-1`), 401, 403, 403, 403, 200, 403, 403),
  row("PUT",    "/api/v1/services/{service}/mode", flip,                         401, 403, 403, 200, 200, 200, 403),
  row("DELETE", "/api/v1/services/{service}/mode", unflip,                       401, 403, 403, 200, 200, 200, 403),
  row("GET",    "/api/v1/services/{service}/breakers", reported({ path: `/api/v1/services/${SERVICE}/breakers` }), 401, 200, 200, 200, 200, 200, 403),
  row("PUT",    "/api/v1/services/{service}/breakers/{name}/override", override, 401, 403, 403, 200, 200, 200, 403),
  row("GET",    "/api/v1/breakers",      plain("/api/v1/breakers"),              401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/modes",         plain("/api/v1/modes"),                 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/stream",        plain("/api/v1/stream"),                401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/alerts",        plain("/api/v1/alerts"),                401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/alerts",        newAlert,                               401, 403, 202, 202, 202, 202, 403),
  row("POST",   "/api/v1/alerts/alertmanager", alertmanager,                     401, 403, 202, 202, 202, 202, 403),
  row("GET",    "/api/v1/alerts/counts", plain("/api/v1/alerts/counts"),         401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/alerts/ack",    firing((id) => ({ path: "/api/v1/alerts/ack", json: { ids: [id] } })), 401, 403, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/alerts/{id}",   firing((id) => ({ path: `/api/v1/alerts/${id}` })), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/alerts/{id}/context", firing((id) => ({ path: `/api/v1/alerts/${id}/context` })), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/incidents",     plain("/api/v1/incidents"),             401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/incidents/{id}", incident((id) => ({ path: `/api/v1/incidents/${id}` })), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/incidents/{id}/notes", incident((id) => ({ path: `/api/v1/incidents/${id}/notes`, json: { text: "matrix" } })), 401, 403, 201, 201, 201, 201, 403),
  row("GET",    "/api/v1/incidents/{id}/export", incident((id) => ({ path: `/api/v1/incidents/${id}/export?format=markdown` })), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/alerts/{id}/ack", firing((id) => ({ path: `/api/v1/alerts/${id}/ack`, json: {} })), 401, 403, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/alerts/{id}/resolve", firing((id) => ({ path: `/api/v1/alerts/${id}/resolve`, json: {} })), 401, 403, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/silences",      plain("/api/v1/silences"),              401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/silences",      newSilence,                             401, 403, 201, 201, 201, 201, 403),
  row("DELETE", "/api/v1/silences/{id}", expirableSilence,                       401, 403, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/silences/preview", () => ({ path: "/api/v1/silences/preview", json: { matchers } }), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/channels",      plain("/api/v1/channels"),              401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/channels",      newChannel,                             401, 403, 403, 403, 201, 403, 403),
  row("PUT",    "/api/v1/channels/{name}", editableChannel,                      401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/search",        plain("/api/v1/search?q=matrix"),       401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/attention",     plain("/api/v1/attention"),             401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/routing",       plain("/api/v1/routing"),               401, 200, 200, 200, 200, 200, 403),
  row("PUT",    "/api/v1/routing",       routing,                                401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/routing/versions", plain("/api/v1/routing/versions"), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/routing/test",  () => ({ path: "/api/v1/routing/test", json: { labels: { alertname: "Matrix" } } }), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/routing/preview", () => ({ path: "/api/v1/routing/preview", json: { tree: { receiver: "console" } } }), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/metrics",       points,                                 401, 403, 403, 403, 202, 403, 403),
  row("POST",   "/api/otlp/v1/metrics",  otlp,                                   401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/metrics/query", plain(`/api/v1/metrics/query?service=${SERVICE}&name=matrix_gauge`), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/metrics/annotations", () => ({ path: `/api/v1/metrics/annotations?service=${SERVICE}&from=${since()}` }), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/metrics/services", plain("/api/v1/metrics/services"),  401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/rules",         plain("/api/v1/rules"),                 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/rules",         newRule,                                401, 403, 403, 403, 201, 403, 403),
  row("PUT",    "/api/v1/rules/{id}",    ruled((id) => ({ path: `/api/v1/rules/${id}`, json: ruleFields() })), 401, 403, 403, 403, 200, 403, 403),
  row("DELETE", "/api/v1/rules/{id}",    ruled((id) => ({ path: `/api/v1/rules/${id}` })), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/rules/preview", () => ({ path: "/api/v1/rules/preview", json: { ...ruleFields(), name: undefined } }), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/config",        plain("/api/v1/config"),                401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/config/{service}/{environment}", published(() => ({ path: CONFIG })), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/config/{service}/{environment}/versions", plain(`${CONFIG}/versions`), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/config/{service}/{environment}/versions", publish,       401, 403, 403, 403, 201, 403, 403),
  row("POST",   "/api/v1/config/{service}/{environment}/versions/{version}/reveal", published((v) => ({ path: `${CONFIG}/versions/${v}/reveal` })), 401, 403, 403, 403, 200, 403, 403),
  row("PUT",    "/api/v1/config/{service}/{environment}/schema", () => ({ path: `${CONFIG}/schema`, json: { schema: { type: "object" } } }), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/config/{service}/{environment}/rollback", published((v) => ({ path: `${CONFIG}/rollback`, json: { toVersion: v - 1, reason: "matrix", expectedVersion: v } })), 401, 403, 403, 403, 201, 403, 403),
  row("GET",    "/api/v1/config/{service}/{environment}/diff", published((v) => ({ path: `${CONFIG}/diff?from=0&to=${v}` })), 401, 200, 200, 200, 200, 200, 403),
  row("GET",    "/api/v1/config/{service}/{environment}/drift", plain(`${CONFIG}/drift`), 401, 200, 200, 200, 200, 200, 403),
  row("DELETE", "/api/v1/config/{service}/{environment}/bake", published(() => ({ path: `${CONFIG}/bake`, json: { reason: "matrix" } })), 401, 403, 403, 200, 200, 200, 403),
  row("GET",    "/api/v1/config/{service}/{environment}/policy", plain(`${STAGING}/policy`), 401, 200, 200, 200, 200, 200, 403),
  row("PUT",    "/api/v1/config/{service}/{environment}/policy", () => ({ path: `${STAGING}/policy`, json: { approvals: 1, freezeWhileCritical: false } }), 401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/change-requests", plain("/api/v1/change-requests?status=pending"), 401, 200, 200, 200, 200, 200, 403),
  row("PATCH",  "/api/v1/change-requests/{id}", requested((id) => ({ path: `/api/v1/change-requests/${id}`, json: { body: { edited: true }, message: "matrix edit", expectedVersion: 0 } }), adminCtx), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/change-requests/{id}/approve", requested((id) => ({ path: `/api/v1/change-requests/${id}/approve` })), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/change-requests/{id}/reject", requested((id) => ({ path: `/api/v1/change-requests/${id}/reject`, json: { reason: "matrix" } })), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/change-requests/{id}/review", requested((id) => ({ path: `/api/v1/change-requests/${id}/review` }), systemCtx, { breakGlass: { reason: "matrix" } }), 401, 403, 403, 403, 200, 403, 403),
  row("GET",    "/api/v1/schedules",     plain("/api/v1/schedules"),             401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/schedules",     reported({ path: "/api/v1/schedules", json: flipSchedule() }), 401, 403, 403, 201, 201, 201, 403),
  row("DELETE", "/api/v1/schedules/{id}", scheduled,                             401, 403, 403, 200, 200, 200, 403),
  row("GET",    "/api/v1/config/{service}/{environment}/rollout", plain(`${CONFIG}/rollout`), 401, 200, 200, 200, 200, 200, 403),
  row("POST",   "/api/v1/config/{service}/{environment}/rollout/advance", rolling(() => ({ path: `${CONFIG}/rollout/advance`, json: {} })), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/config/{service}/{environment}/rollout/pause", rolling(() => ({ path: `${CONFIG}/rollout/pause`, json: {} })), 401, 403, 403, 403, 200, 403, 403),
  row("POST",   "/api/v1/config/{service}/{environment}/rollout/abort", rolling(() => ({ path: `${CONFIG}/rollout/abort`, json: { reason: "matrix" } })), 401, 403, 403, 403, 200, 403, 403),
];

/** Routes anyone may call, and next-auth's own. */
const publicRoutes = ["/api/auth/[...nextauth]", "/api/health", "/api/ready", "/api/metrics", "/api/openapi.json"];

let app: TestApp;
let answersAsDocumented: ResponseValidator;
/** Each kind of caller, and the actor its refused attempts are audited as. */
const as = {} as Record<CallerKind, { caller: Caller; actor: string }>;

beforeAll(async () => {
  app = await startApp();
  answersAsDocumented = responseValidator(await (await fetch(`${app.url}/api/openapi.json`)).json());
  const { db } = app.database;
  await seedUser(db, "viewer", SUBJECT);
  as.nobody = { caller: app.caller(null), actor: "anonymous" };
  for (const role of ["viewer", "responder", "operator", "admin"] as const) {
    const user = await seedUser(db, role);
    as[role] = { caller: await app.signedIn(user.email, user.password), actor: user.email };
  }
  const owner = await seedUser(db, "operator");
  as.personalToken = { caller: app.caller({ bearer: await seedPersonalToken(db, owner.email) }), actor: owner.email };
  const foreign = await seedServiceToken(db, "another-service");
  as.foreignServiceToken = { caller: app.caller({ bearer: foreign.token }), actor: `token:${foreign.name}` };
});
afterAll(() => app?.stop());

describe.each(matrix)("$method $route", ({ method, route, build, expected }) => {
  it.each(callers.map((caller) => [caller, expected[caller]] as const))("%s → %i", async (caller, status) => {
    const { path: url, json } = await build(app.database.db);
    const before = await rowCounts(app.database.sql);

    const res = await as[caller].caller.send(method, url, { json });
    // The stream never ends, so its body is read only to explain a wrong status or when it is JSON.
    if (res.status !== status) expect(res.status, await res.text()).toBe(status);
    if (res.headers.get("content-type")?.startsWith("application/json")) {
      expect(answersAsDocumented(method, route, status, await res.json())).toEqual([]);
    } else await res.body?.cancel();
    if (status !== 401 && status !== 403) return;

    expect(await rowCounts(app.database.sql)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
    expect(await lastRefusal(app.database.sql)).toMatchObject({ outcome: "denied", actor: as[caller].actor });
  });
});

describe("the matrix", () => {
  it("agrees with the least role the served OpenAPI document states for each route", async () => {
    const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { "x-least-role"?: string | null }>> };
    const people = ["viewer", "responder", "operator", "admin"] as const;
    const disagreements = matrix.flatMap(({ method, route, expected }) => {
      const stated = document.paths[route]?.[method.toLowerCase()]?.["x-least-role"];
      if (stated === null || stated === undefined) return [];
      const least = people.find((role) => expected[role] < 300) ?? null;
      return least === stated ? [] : [`${method} ${route}: the document says ${stated}, the route lets in ${least ?? "no person"}`];
    });
    expect(disagreements).toEqual([]);
  });

  it("covers every route handler in app/api", () => {
    const covered = new Set(matrix.map((r) => `${r.method} ${r.route}`));
    const missing = routeHandlers()
      .filter(({ route }) => !publicRoutes.includes(route))
      .map(({ method, route }) => `${method} ${route}`)
      .filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });
});

/** Each exported method of each `route.ts` under app/api, with `[param]` written as `{param}`. */
function routeHandlers(): { method: string; route: string }[] {
  const root = path.join(process.cwd(), "app");
  const files = readdirSync(path.join(root, "api"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join("api", f));
  return files.flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const route = `/${path.dirname(file).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
    const methods = [...source.matchAll(/\b(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]!);
    const pretty = route.replace(/\[(?!\.\.\.)([^\]]+)\]/g, "{$1}");
    return methods.map((method) => ({ method, route: pretty }));
  });
}
