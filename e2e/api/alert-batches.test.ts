import { describe, expect, it } from "vitest";
import { alertBatchBounds, ingestAlerts } from "@/lib/domain/alerts/ingest";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, Overloaded } from "@/lib/domain/errors";
import { fileDatabase } from "../support/file-database";
import { unique } from "../support/unique";

/**
 * Alert payloads written together (group commit), through the verb on a database of the file's
 * own: payloads started in the same tick join one batch, as concurrent requests on the lane do.
 */
const database = fileDatabase();

function serviceCtx(scope: string): Ctx {
  return { actor: { kind: "service", tokenName: `batch-${scope}`, scope }, requestId: unique("req"), ip: "10.0.0.9", userAgent: "batch-test" };
}

const fleet = serviceCtx("*");
const labels = (run: string, alertname: string) => ({ alertname, service: "batch-api", run });

async function occurrences(run: string) {
  return database.sql<{ alertname: string; state: string; starts_at: string; xid: string }[]>`
    select labels->>'alertname' as alertname, state, starts_at::text, xmin::text as xid from alerts where labels->>'run' = ${run} order by alertname, id`;
}

describe("alert payloads written together", () => {
  it("writes concurrent payloads in one transaction, a later payload about the same alert applied after the earlier", async () => {
    const run = unique("pair");
    const answers = await Promise.all([
      ingestAlerts(fleet, [{ labels: labels(run, "Flapping") }, { labels: labels(run, "Steady") }], database.db),
      ingestAlerts(fleet, [{ labels: labels(run, "Flapping"), status: "resolved" }, { labels: labels(run, "Other") }], database.db),
    ]);
    expect(answers).toEqual([{ accepted: 2 }, { accepted: 2 }]);
    const rows = await occurrences(run);
    // One after the other, the second payload resolves the occurrence the first opened; applied as one set, it would find none to resolve.
    expect(rows.map((r) => [r.alertname, r.state])).toEqual([
      ["Flapping", "resolved"],
      ["Other", "firing"],
      ["Steady", "firing"],
    ]);
    expect(new Set(rows.map((r) => r.xid)).size).toBe(1);
  });

  it("opens a new occurrence when a later payload of the batch fires again what an earlier one resolved", async () => {
    const run = unique("refire");
    await ingestAlerts(fleet, [{ labels: labels(run, "Flapping"), startsAt: "2026-11-21T10:00:00Z" }], database.db);
    await Promise.all([
      ingestAlerts(fleet, [{ labels: labels(run, "Flapping"), status: "resolved" }], database.db),
      ingestAlerts(fleet, [{ labels: labels(run, "Flapping"), startsAt: "2026-11-21T11:00:00Z" }], database.db),
    ]);
    const rows = await occurrences(run);
    expect(rows.map((r) => [r.state, new Date(r.starts_at).toISOString()])).toEqual([
      ["resolved", "2026-11-21T10:00:00.000Z"],
      ["firing", "2026-11-21T11:00:00.000Z"],
    ]);
    const [timeline] = await database.sql<{ kinds: string[] }[]>`
      select array_agg(e.kind order by e.id) as kinds from alert_events e join alerts a on a.id = e.alert_id
      where a.labels->>'run' = ${run} and a.state = 'firing'`;
    expect(timeline!.kinds).toEqual(["refired"]);
  });

  it("checks each payload's token on its own: another service's payload is refused, its batch-mates written", async () => {
    const run = unique("scope");
    const [own, foreign] = await Promise.allSettled([
      ingestAlerts(serviceCtx("batch-api"), [{ labels: labels(run, "Own") }], database.db),
      ingestAlerts(serviceCtx("batch-api"), [{ labels: { alertname: "Foreign", service: "billing", run } }], database.db),
    ]);
    expect(own).toEqual({ status: "fulfilled", value: { accepted: 1 } });
    expect(foreign.status === "rejected" && foreign.reason).toBeInstanceOf(Forbidden);
    expect((await occurrences(run)).map((r) => r.alertname)).toEqual(["Own"]);
  });

  it("refuses payloads at once with Overloaded past the bound of pending batches, writing nothing of them", async () => {
    const run = unique("burst");
    const bounds = alertBatchBounds();
    const burst = bounds.maxBatch * (bounds.maxPendingBatches + 2);
    const results = await Promise.allSettled(Array.from({ length: burst }, (_, i) => ingestAlerts(fleet, [{ labels: labels(run, `Burst${i}`) }], database.db)));
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.reason instanceof Overloaded && r.reason.retryAfterSeconds > 0)).toBe(true);
    expect(await occurrences(run)).toHaveLength(burst - refused.length);
  });
});
