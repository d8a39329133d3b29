import { describe, expect, it } from "vitest";
import { severityOf } from "./severity";

describe("severity mapping", () => {
  it.each([
    ["critical", "critical"],
    ["fatal", "critical"],
    ["page", "critical"],
    ["high", "critical"],
    ["error", "critical"],
    ["warning", "warning"],
    ["warn", "warning"],
    ["medium", "warning"],
    ["info", "info"],
    ["informational", "info"],
    ["low", "info"],
  ])("maps %s to %s", (label, level) => {
    expect(severityOf({ severity: label })).toBe(level);
  });

  it("ignores case and surrounding spaces", () => {
    expect(severityOf({ severity: "CRITICAL" })).toBe("critical");
    expect(severityOf({ severity: " Low " })).toBe("info");
  });

  it("makes any other value, or none, a warning", () => {
    expect(severityOf({ severity: "sev2" })).toBe("warning");
    expect(severityOf({ severity: "" })).toBe("warning");
    expect(severityOf({})).toBe("warning");
  });
});
