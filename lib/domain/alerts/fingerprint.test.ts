import { describe, expect, it } from "vitest";
import { fingerprintOf } from "./fingerprint";

describe("fingerprints", () => {
  it("depend on the label set, not on the order labels came in", () => {
    const a = fingerprintOf({ alertname: "HighErrorRate", service: "rag-api", severity: "critical" });
    const b = fingerprintOf({ severity: "critical", service: "rag-api", alertname: "HighErrorRate" });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it("change with any label name or value", () => {
    const base = fingerprintOf({ alertname: "A", service: "x" });
    expect(fingerprintOf({ alertname: "A", service: "y" })).not.toBe(base);
    expect(fingerprintOf({ alertname: "A", servicE: "x" })).not.toBe(base);
    expect(fingerprintOf({ alertname: "A" })).not.toBe(base);
  });

  it("cannot be forged by moving separators between names and values", () => {
    expect(fingerprintOf({ a: "b,c=d" })).not.toBe(fingerprintOf({ a: "b", c: "d" }));
  });

  // Stored fingerprints and PagerDuty dedup keys must keep matching after an upgrade.
  it("are stable across releases", () => {
    expect(fingerprintOf({ service: "rag-api", alertname: "HighErrorRate" })).toBe("700d87b226997915");
  });
});
