import { describe, expect, it } from "vitest";
import { connectionKind } from "./session-check";

describe("connectionKind", () => {
  it("is a session connection only when the notification came back and one reserved connection stayed one backend", () => {
    expect(connectionKind({ notified: true, sameBackend: true })).toBe("session");
    expect(connectionKind({ notified: false, sameBackend: true })).toBe("transaction pooler");
    expect(connectionKind({ notified: true, sameBackend: false })).toBe("transaction pooler");
    expect(connectionKind({ notified: false, sameBackend: false })).toBe("transaction pooler");
  });
});
