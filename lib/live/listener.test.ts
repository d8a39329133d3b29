import { describe, expect, it } from "vitest";
import { batches } from "./events";
import { parseEvents } from "./listener";

describe("parseEvents", () => {
  it("reads back what publish sends", () => {
    const events = [
      { topic: "service", id: "rag-api" },
      { topic: "audit", id: "42" },
    ] as const;
    expect(batches([...events]).flatMap(parseEvents)).toEqual(events);
  });

  it.each([["not json"], ["{}"], ['[{"topic":"unknown","id":"1"}]'], ['[{"topic":"service","id":1}]'], ["[null]"]])(
    "drops a payload that is not a list of known events: %s",
    (payload) => {
      expect(parseEvents(payload)).toEqual([]);
    },
  );
});
