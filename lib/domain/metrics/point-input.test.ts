import { describe, expect, it } from "vitest";
import { metricsBatch, metricsInput } from "./point-input";

const now = new Date().toISOString();
const point = { service: "checkout", name: "requests", kind: "gauge", value: 1, ts: now, tags: { instance: "i-1" } };

/** The intake's quick check must answer exactly as the documented schema: the same points, or the same issues. */
describe("metric batch input", () => {
  it.each([
    ["a well-typed batch", [point, { ...point, tags: undefined, ts: undefined }]],
    ["a service the schema trims", [{ ...point, service: " checkout " }]],
    ["an invalid name", [{ ...point, name: "9lives" }]],
    ["a value sent as text", [{ ...point, value: "1" }]],
    ["an unknown kind", [{ ...point, kind: "summary" }]],
    ["a day that does not exist", [{ ...point, ts: "2026-02-30T00:00:00Z" }]],
    ["a time outside the window", [{ ...point, ts: "2001-01-01T00:00:00Z" }]],
    ["a tag value that is a number", [{ ...point, tags: { instance: 1 } }]],
    ["a tag named __proto__", [JSON.parse(`{"service":"a","name":"m","kind":"gauge","value":1,"tags":{"__proto__":"x"}}`)]],
    ["an empty batch", []],
    ["an object", {}],
    ["null", null],
  ])("%s", (_, body) => {
    const quick = metricsBatch.safeParse(body);
    const full = metricsInput.safeParse(body);
    expect(quick.success).toBe(full.success);
    if (quick.success && full.success) expect(quick.data).toEqual(full.data.map((p, i) => ({ ...p, ts: quick.data[i]!.ts })));
    else expect(quick.error?.issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual(full.error?.issues.map(({ path, code, message }) => ({ path, code, message })));
  });
});
