import { describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH, toJson, type ChainedFields } from "./hash";

const event: ChainedFields = {
  at: new Date("2026-11-21T10:00:00.000Z"),
  actor: "oncall@example.com",
  role: "operator",
  action: "mode.set",
  target: "service:rag-api",
  outcome: "ok",
  before: { mode: "normal" },
  after: { mode: "local_queue", nested: { a: 1, b: [1, 2] } },
  reason: "openai outage",
  ip: "10.0.0.1",
  userAgent: "curl/8",
  requestId: "req-1",
  tokenId: "7f1c2a3e-0000-4000-8000-000000000001",
  tokenName: "deploy-bot",
};

const changes: { [K in keyof ChainedFields]: ChainedFields[K] } = {
  at: new Date("2026-11-21T10:00:00.001Z"),
  actor: "someone-else@example.com",
  role: "admin",
  action: "mode.clear",
  target: "service:other",
  outcome: "denied",
  before: { mode: "degraded" },
  after: { mode: "local_queue", nested: { a: 1, b: [2, 1] } },
  reason: "another reason",
  ip: "10.0.0.2",
  userAgent: "curl/9",
  requestId: "req-2",
  tokenId: "7f1c2a3e-0000-4000-8000-000000000002",
  tokenName: "another-token",
};

describe("chainHash", () => {
  it("is a SHA-256 hex digest that depends on the previous hash", () => {
    const first = chainHash(GENESIS_HASH, event);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(first, event)).not.toBe(first);
  });

  it("hashes the canonical form, so key order does not matter at any depth", () => {
    const reordered = {
      tokenName: event.tokenName,
      tokenId: event.tokenId,
      requestId: event.requestId,
      userAgent: event.userAgent,
      ip: event.ip,
      reason: event.reason,
      after: { nested: { b: [1, 2], a: 1 }, mode: "local_queue" },
      before: event.before,
      outcome: event.outcome,
      target: event.target,
      action: event.action,
      role: event.role,
      actor: event.actor,
      at: event.at,
    };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, event));
  });

  it.each(Object.keys(changes) as (keyof ChainedFields)[])("changes when %s changes", (field) => {
    expect(chainHash(GENESIS_HASH, { ...event, [field]: changes[field] })).not.toBe(chainHash(GENESIS_HASH, event));
  });

  it("hashes an event without a token as events were hashed before tokens were recorded", () => {
    const { tokenId: _id, tokenName: _name, ...older } = event;
    expect(chainHash(GENESIS_HASH, { ...event, tokenId: null, tokenName: null })).toBe(chainHash(GENESIS_HASH, older));
  });

  it("changes when a nullable field goes from a value to null", () => {
    expect(chainHash(GENESIS_HASH, { ...event, target: null })).not.toBe(chainHash(GENESIS_HASH, event));
    expect(chainHash(GENESIS_HASH, { ...event, after: null })).not.toBe(chainHash(GENESIS_HASH, event));
  });

  it("gives the same hash after a round trip through JSON, as rows read back from jsonb do", () => {
    const stored = { ...event, before: toJson(event.before), after: toJson({ ...(event.after as object), gone: undefined }) };
    expect(chainHash(GENESIS_HASH, stored)).toBe(chainHash(GENESIS_HASH, event));
  });

  it("covers only the chained fields, so a stored row with its id and hashes verifies", () => {
    const row = { ...event, id: 17, prevHash: GENESIS_HASH, hash: chainHash(GENESIS_HASH, event) };
    expect(chainHash(GENESIS_HASH, row)).toBe(row.hash);
  });

  it("treats a missing before/after as null", () => {
    expect(chainHash(GENESIS_HASH, { ...event, before: undefined })).toBe(chainHash(GENESIS_HASH, { ...event, before: null }));
  });
});
