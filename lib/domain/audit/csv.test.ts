import { describe, expect, it } from "vitest";
import { csvCell } from "./csv";

describe("CSV cells", () => {
  it("start formula-like text with a quote", () => {
    for (const v of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(v)).toBe(`'${v}`);
  });
  it("leave other text and non-text alone", () => {
    expect(csvCell("admin@breakwater.local")).toBe("admin@breakwater.local");
    expect(csvCell(42)).toBe(42);
    expect(csvCell(null)).toBeNull();
  });
});
