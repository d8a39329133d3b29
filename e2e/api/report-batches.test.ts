import { describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/domain/audit/verify";
import type { Ctx } from "@/lib/domain/context";
import { Overloaded } from "@/lib/domain/errors";
import { ingestReport, reportBatchBounds } from "@/lib/domain/services/ingest-report";
import { auditAfter, lastAuditId } from "../support/rows";
import { fileDatabase } from "../support/file-database";
import { unique } from "../support/unique";

/**
 * Reports written together (group commit), through the verb on a database of the file's own:
 * reports started in the same tick join one batch, as concurrent requests on the lane do.
 */
const database = fileDatabase();

function fleetCtx(requestId: string): Ctx {
  return { actor: { kind: "service", tokenName: "batch-fleet", scope: "*" }, requestId, ip: "10.0.0.9", userAgent: "batch-test" };
}

const report = (service: string, instance: string, extra: Record<string, unknown> = {}) => ingestReport(fleetCtx(unique("req")), { service, instance, ...extra }, database.db);

describe("reports written together", () => {
  it("records two reports of one instance in one batch in order, a transition in each", async () => {
    const service = unique("batch-pair");
    await report(service, "i-1", { breakers: [{ name: "openai", state: "closed" }] });
    const answers = await Promise.all([
      report(service, "i-1", { breakers: [{ name: "openai", state: "open" }] }),
      report(service, "i-1", { breakers: [{ name: "openai", state: "half_open" }] }),
    ]);
    expect(answers.map((a) => a.service)).toEqual([service, service]);
    const transitions = await database.sql<{ from_state: string; to_state: string }[]>`
      select from_state, to_state from breaker_transitions where service = ${service} order by at, id`;
    expect(transitions).toEqual([
      { from_state: "closed", to_state: "open" },
      { from_state: "open", to_state: "half_open" },
    ]);
    const [breaker] = await database.sql<{ state: string }[]>`select state from breakers where service = ${service} and instance = 'i-1'`;
    expect(breaker!.state).toBe("half_open");
  });

  it("audits each health change of one batch in order, under one intact chain", async () => {
    const service = unique("batch-health");
    await report(service, "i-1");
    const after = await lastAuditId(database.sql);
    await Promise.all([report(service, "i-1", { health: { status: "degraded" } }), report(service, "i-1", { health: { status: "unhealthy" } })]);
    const events = await database.sql<{ before: unknown; after: unknown; reason: string; actor: string }[]>`
      select before, after, reason, actor from audit_events where id > ${after} order by id`;
    expect(events).toEqual([
      { before: { health: "healthy" }, after: { environment: "production", health: "degraded" }, reason: "health changed", actor: "token:batch-fleet" },
      { before: { health: "degraded" }, after: { environment: "production", health: "unhealthy" }, reason: "health changed", actor: "token:batch-fleet" },
    ]);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it("audits every first appearance of a batch once, each with its own request, and answers every report after the commit", async () => {
    const service = unique("batch-first");
    const after = await lastAuditId(database.sql);
    const names = Array.from({ length: 40 }, (_, i) => `i-${i}`);
    const answers = await Promise.all(names.map((instance) => report(service, instance, { breakers: [{ name: "db", state: "closed" }] })));
    expect(answers.every((a) => a.service === service)).toBe(true);
    const audited = (await auditAfter(database.sql, after)).filter((e) => e.target?.startsWith(`instance:${service}/`));
    expect(audited.map((e) => e.target).sort()).toEqual(names.map((n) => `instance:${service}/${n}`).sort());
    expect(audited.every((e) => e.reason === "first report" && e.ip === "10.0.0.9")).toBe(true);
    const [{ count }] = (await database.sql`select count(*)::int as count from instances where service = ${service}`) as unknown as [{ count: number }];
    expect(count).toBe(names.length);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it("retries a failed batch report by report, so one report the database refuses fails only itself", async () => {
    const service = unique("batch-bad");
    const results = await Promise.allSettled([report(service, "good-1"), report(service, "bad\u0000name"), report(service, "good-2")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await database.sql<{ instance: string }[]>`select instance from instances where service = ${service} order by instance`;
    expect(rows.map((r) => r.instance)).toEqual(["good-1", "good-2"]);
  });

  it("refuses reports at once with Overloaded past the bound of pending batches, writing nothing of them", async () => {
    const service = unique("batch-burst");
    const bounds = reportBatchBounds();
    const burst = bounds.maxBatch * (bounds.maxPendingBatches + 2);
    const results = await Promise.allSettled(Array.from({ length: burst }, (_, i) => report(service, `i-${i}`)));
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.reason instanceof Overloaded && r.reason.retryAfterSeconds > 0)).toBe(true);
    const [{ count }] = (await database.sql`select count(*)::int as count from instances where service = ${service}`) as unknown as [{ count: number }];
    expect(count).toBe(burst - refused.length);
  });

  it("refuses at once, while the database stalls a batch, what it could not answer within half a second, however few wait", async () => {
    const service = unique("batch-stall");
    await report(service, "warm");
    // Another transaction holds the instances table for 1.5 s: the next batch waits that long.
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const lock = database.sql.begin(async (tx) => {
      await tx`lock table instances in exclusive mode`;
      locked();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    });
    await holding;
    const stalled = Promise.all(Array.from({ length: 4 }, (_, i) => report(service, `stalled-${i}`)));
    await new Promise((resolve) => setTimeout(resolve, 700));

    const burst = 20;
    expect(burst).toBeLessThan(reportBatchBounds().maxBatch);
    const results = await Promise.allSettled(Array.from({ length: burst }, (_, i) => report(service, `during-${i}`)));
    await lock;
    await stalled;
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof Overloaded)).toBe(true);
    const [{ count }] = (await database.sql`select count(*)::int as count from instances where service = ${service} and instance like 'during-%'`) as unknown as [{ count: number }];
    expect(count).toBe(0);
    // Once the stall is over, the next report is taken.
    await expect(report(service, "after")).resolves.toMatchObject({ service });
  });
});
