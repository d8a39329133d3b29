import { describe, expect, it } from "vitest";
import { generatorLink } from "./generator-link";

describe("generator links", () => {
  it("link http, https and console paths", () => {
    expect(generatorLink("https://prometheus.local/graph?g0.expr=up")).toBe("https://prometheus.local/graph?g0.expr=up");
    expect(generatorLink("http://prometheus.local/")).toBe("http://prometheus.local/");
    expect(generatorLink("/metrics/rag-api")).toBe("/metrics/rag-api");
  });

  it("leave every other scheme and protocol-relative URLs as text", () => {
    for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "/\\evil.example", "file:///etc/passwd", null, ""]) {
      expect(generatorLink(url)).toBeNull();
    }
  });
});
