import { describe, expect, it } from "vitest";
import { within } from "./deadline";

describe("within", () => {
  it("passes a timely answer through", async () => {
    await expect(within(Promise.resolve(1), 50)).resolves.toBe(1);
  });

  it("gives up on work that never answers", async () => {
    await expect(within(new Promise(() => {}), 20)).rejects.toThrow("no answer within 20 ms");
  });
});
