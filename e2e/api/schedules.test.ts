import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startCluster, type TestCluster } from "../support/cluster";
import type { Caller } from "../support/http";
import { eventually } from "./sdk-fixture";

/** Two console processes on one database, both running the schedule job. */

let cluster: TestCluster;
let operator: Caller;
let admin: Caller;
let author: Caller;
let fleet: Caller;

beforeAll(async () => {
  cluster = await startCluster(2);
  const { db } = cluster.database;
  const [a, b] = cluster.nodes;
  operator = a!.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "operator")).email) });
  admin = b!.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  author = a!.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  fleet = a!.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => cluster?.stop());

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

async function declare(service: string) {
  expect((await fleet.post("/api/v1/report", { service, instance: `${service}-1`, modes: ["normal", "shed_load"] })).status).toBe(200);
}

async function settled(id: number) {
  return eventually(`schedule ${id} settles`, async () => {
    const { items } = (await (await operator.get("/api/v1/schedules")).json()) as { items: { id: number; status: string; suspendedReason: string | null }[] };
    const schedule = items.find((s) => s.id === id);
    return schedule && schedule.status !== "pending" ? schedule : undefined;
  });
}

describe("a scheduled mode flip", () => {
  it("applies on time, once, with two processes running", async () => {
    await declare("sched-once");
    const res = await operator.post("/api/v1/schedules", { kind: "mode_flip", at: inSeconds(3), service: "sched-once", mode: "shed_load", reason: "the sale starts" });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect(await settled(id)).toMatchObject({ status: "applied", suspendedReason: null });
    const control = (await (await fleet.get("/api/v1/control/sched-once")).json()) as { mode: { desired: string; source: string } };
    expect(control.mode).toMatchObject({ desired: "shed_load", source: "manual" });
    const events = await cluster.database.sql`select action from audit_events where action in ('mode.set', 'schedule.apply') and (target = 'service:sched-once' or target = ${`schedule:${id}`}) order by id`;
    expect(events.map((e) => e.action)).toEqual(["mode.set", "schedule.apply"]);
    const changes = await cluster.database.sql`select count(*)::int as n from mode_changes where service = 'sched-once'`;
    expect(changes[0]!.n).toBe(1);
  });

  it("is suspended with its reason when the service's control state moved after it was made", async () => {
    await declare("sched-moved");
    const res = await operator.post("/api/v1/schedules", { kind: "mode_flip", at: inSeconds(3), service: "sched-moved", mode: "shed_load", reason: "planned" });
    const { id } = (await res.json()) as { id: number };
    const flip = await operator.send("PUT", "/api/v1/services/sched-moved/mode", { json: { mode: "normal", reason: "someone acted first" } });
    expect(flip.status).toBe(200);
    const schedule = await settled(id);
    expect(schedule.status).toBe("suspended");
    expect(schedule.suspendedReason).toMatch(/changed meanwhile/);
    const [event] = await cluster.database.sql`select reason from audit_events where action = 'schedule.suspend' and target = ${`schedule:${id}`}`;
    expect(event?.reason).toMatch(/changed meanwhile/);
  });

  it("needs an operator, and an admin for a change request; it is cancelled with an audit", async () => {
    await declare("sched-cancel");
    const res = await operator.post("/api/v1/schedules", { kind: "mode_flip", at: inSeconds(3600), service: "sched-cancel", mode: "shed_load", reason: "later" });
    const { id } = (await res.json()) as { id: number };
    expect((await operator.post("/api/v1/schedules", { kind: "apply_change_request", at: inSeconds(60), changeRequestId: 1 })).status).toBe(403);
    expect((await operator.post("/api/v1/schedules", { kind: "mode_flip", at: inSeconds(-60), service: "sched-cancel", mode: "shed_load", reason: "past" })).status).toBe(400);
    expect((await operator.delete(`/api/v1/schedules/${id}`)).status).toBe(200);
    const [event] = await cluster.database.sql`select count(*)::int as n from audit_events where action = 'schedule.delete' and target = ${`schedule:${id}`}`;
    expect(event!.n).toBe(1);
  });
});

describe("a scheduled change request", () => {
  it("applies at its time once approved, and is suspended when the document moved first", async () => {
    const doc = "/api/v1/config/sched-config/production";
    expect((await author.send("PUT", `${doc}/policy`, { json: { approvals: 1, freezeWhileCritical: false } })).status).toBe(200);
    const made = async (body: Record<string, unknown>, expectedVersion: number) => {
      const res = await author.post(`${doc}/versions`, { body, message: "scheduled", expectedVersion });
      expect(res.status).toBe(202);
      return ((await res.json()) as { changeRequest: { id: number } }).changeRequest.id;
    };
    const onTime = await made({ v: 1 }, 0);
    const scheduled = await admin.post("/api/v1/schedules", { kind: "apply_change_request", at: inSeconds(3), changeRequestId: onTime });
    expect(scheduled.status).toBe(201);
    // The approval completes the count, yet the schedule applies it at its time.
    expect(await (await admin.post(`/api/v1/change-requests/${onTime}/approve`)).json()).toMatchObject({ changeRequest: { status: "pending", approvals: 1 } });
    expect(await settled(((await scheduled.json()) as { id: number }).id)).toMatchObject({ status: "applied" });
    const current = (await (await fleet.get(doc)).json()) as { version: number; body: unknown };
    expect(current).toMatchObject({ version: 1, body: { v: 1 } });

    const overtaken = await made({ v: 2 }, 1);
    const later = (await (await admin.post("/api/v1/schedules", { kind: "apply_change_request", at: inSeconds(3), changeRequestId: overtaken })).json()) as { id: number };
    expect((await admin.post(`/api/v1/change-requests/${overtaken}/approve`)).status).toBe(200);
    expect((await author.post(`${doc}/versions`, { body: { v: 9 }, message: "hotfix", expectedVersion: 1, breakGlass: { reason: "on fire" } })).status).toBe(201);
    const suspended = await settled(later.id);
    expect(suspended.status).toBe("suspended");
    expect(suspended.suspendedReason).toMatch(/stale/);
    expect(((await (await fleet.get(doc)).json()) as { body: unknown }).body).toEqual({ v: 9 });
  });
});
