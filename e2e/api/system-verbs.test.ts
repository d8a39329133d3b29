import { describe, expect, it } from "vitest";
import { can } from "@/lib/domain/access/can";
import { escalateAlert } from "@/lib/domain/alerts/escalate";
import { systemCtx, type Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { expireMode } from "@/lib/domain/modes/expire-mode";
import { runSchedule } from "@/lib/domain/schedules/run-schedule";
import { settleSilences } from "@/lib/domain/silences/settle-silences";
import { lastRefusal, rowCounts } from "../support/rows";
import { fileDatabase } from "../support/file-database";
import { unique } from "../support/unique";

/** Verbs only the console's own jobs call: no role reaches them, an admin included, and trying is audited. */
const database = fileDatabase();

const admin = (): Ctx => ({ actor: { kind: "user", id: "system-verbs-admin", email: "admin@example.com", role: "admin", token: null }, requestId: unique("req"), ip: null, userAgent: null });

describe("a system verb", () => {
  it.each([
    ["expireMode", expireMode, { service: "checkout" }],
    ["escalateAlert", escalateAlert, { id: 1 }],
    ["runSchedule", runSchedule, { id: 1 }],
  ] as const)("%s refuses an admin with 403, writing only the refusal", async (_, verb, input) => {
    expect(can("admin", verb)).toBe(false);
    const before = await rowCounts(database.sql);
    await expect(verb(admin(), input, database.db)).rejects.toBeInstanceOf(Forbidden);
    expect(await rowCounts(database.sql)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
    expect(await lastRefusal(database.sql)).toMatchObject({ outcome: "denied", actor: "admin@example.com", action: verb.action });
  });

  it("runs for the console itself", async () => {
    await expect(settleSilences(systemCtx(), {}, database.db)).resolves.toBe(0);
  });
});
