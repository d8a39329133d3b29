import { describe, expect, it } from "vitest";
import { batches, type LiveEvent } from "./events";
import { topics } from "./topics";

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
const NOTIFY_LIMIT_BYTES = 8000;

function events(n: number, id: (i: number) => string): LiveEvent[] {
  return Array.from({ length: n }, (_, i) => ({ topic: topics[i % topics.length]!, id: id(i) }));
}

describe("batches", () => {
  it("sends nothing for no events", () => {
    expect(batches([])).toEqual([]);
  });

  it("keeps a few events in one payload", () => {
    const few = events(3, (i) => String(i));
    expect(batches(few)).toEqual([JSON.stringify(few)]);
  });

  it.each([
    ["short ids", (i: number) => String(i)],
    ["long ids", (i: number) => `service-${i}-${"x".repeat(180)}`],
    ["multi-byte ids", (i: number) => `${i}-${"服务".repeat(90)}`],
    ["ids needing JSON escapes", (i: number) => `"quoted"\\${i}\n`.repeat(10)],
  ])("splits many events with %s into payloads under the limit, keeping every event in order", (_, id) => {
    const many = events(2_000, id);
    const payloads = batches(many);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload, "utf8")).toBeLessThan(NOTIFY_LIMIT_BYTES);
    expect(payloads.flatMap((p) => JSON.parse(p) as LiveEvent[])).toEqual(many);
  });
});
