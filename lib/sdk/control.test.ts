import { describe, expect, it } from "vitest";
import { effectiveControl, overrideChanges, parseControl } from "./control";
import type { ControlDocument } from "./types";

const now = Date.parse("2026-11-21T10:00:00Z");

function doc(patch: Partial<ControlDocument> = {}): ControlDocument {
  return {
    service: "rag-api",
    revision: 3,
    mode: { desired: "normal", source: "automatic", reason: null, setBy: null, expiresAt: null },
    breakers: {},
    config: {},
    ...patch,
  };
}

describe("parseControl", () => {
  it("accepts the contract's document, filling absent optional parts", () => {
    const parsed = parseControl({ service: "rag-api", revision: 42, mode: { desired: "local_queue", source: "manual", reason: "openai outage" } });
    expect(parsed).toEqual({
      service: "rag-api",
      revision: 42,
      mode: { desired: "local_queue", source: "manual", reason: "openai outage", setBy: null, expiresAt: null },
      breakers: {},
      config: {},
    });
  });

  it("refuses what is not a control document", () => {
    expect(parseControl(null)).toBeNull();
    expect(parseControl({ error: "not_found" })).toBeNull();
    expect(parseControl({ ...doc(), breakers: { openai: { override: "sideways" } } })).toBeNull();
  });
});

describe("effectiveControl", () => {
  it("has no manual mode while the console leaves the choice to the instance", () => {
    expect(effectiveControl(doc(), now).manualMode).toBeNull();
    expect(effectiveControl(null, now)).toEqual({ manualMode: null, overrides: {}, nextExpiry: null });
  });

  it("obeys a manual mode until it expires, and says when that is", () => {
    const until = "2026-11-21T10:15:00Z";
    const manual = doc({ mode: { desired: "local_queue", source: "manual", reason: "outage", setBy: "a@b.c", expiresAt: until } });
    expect(effectiveControl(manual, now).manualMode?.desired).toBe("local_queue");
    expect(effectiveControl(manual, now).nextExpiry).toBe(Date.parse(until));
    expect(effectiveControl(manual, Date.parse(until)).manualMode).toBeNull();
  });

  it("drops expired overrides and explicit `none` entries, keeping the soonest live expiry", () => {
    const control = doc({
      breakers: {
        openai: { override: "forced_open", reason: "outage", expiresAt: "2026-11-21T11:00:00Z" },
        s3: { override: "forced_closed", reason: "false alarm", expiresAt: "2026-11-21T10:30:00Z" },
        redis: { override: "forced_open", reason: "old", expiresAt: "2026-11-21T09:00:00Z" },
        neo4j: { override: "none", reason: null, expiresAt: null },
      },
    });
    const effective = effectiveControl(control, now);
    expect(Object.keys(effective.overrides).sort()).toEqual(["openai", "s3"]);
    expect(effective.nextExpiry).toBe(Date.parse("2026-11-21T10:30:00Z"));
  });
});

describe("overrideChanges", () => {
  const forced = { override: "forced_open" as const, reason: "outage", expiresAt: null };

  it("names added, changed and removed overrides, and nothing else", () => {
    const changes = overrideChanges(
      { openai: forced, s3: forced, redis: forced },
      { openai: forced, s3: { ...forced, override: "forced_closed" }, neo4j: forced },
    );
    expect(changes.map((c) => [c.breaker, c.entry.override]).sort()).toEqual([
      ["neo4j", "forced_open"],
      ["redis", "none"],
      ["s3", "forced_closed"],
    ]);
  });
});
