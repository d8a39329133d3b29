import { describe, expect, it } from "vitest";
import { createSseParser, type SseMessage } from "./sse-parser";

function parse(...chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const feed = createSseParser((m) => messages.push(m));
  chunks.forEach(feed);
  return messages;
}

describe("createSseParser", () => {
  it("reads named events with ids, skipping comments and retry lines", () => {
    expect(parse("retry: 1000\n\n: keepalive\n\nevent: control\nid: 7\ndata: {\"revision\":7}\n\n")).toEqual([
      { event: "control", id: "7", data: '{"revision":7}' },
    ]);
  });

  it("joins a message cut anywhere across chunks, whatever the line endings", () => {
    expect(parse("event: con", "fig\r", "\ndata: a\r\ndata: b\r", "\r", "event: x\ndata:c\n", "\n")).toEqual([
      { event: "config", id: null, data: "a\nb" },
      { event: "x", id: null, data: "c" },
    ]);
  });

  it("sends nothing for a message that has not ended yet", () => {
    expect(parse("event: control\ndata: {}\n")).toEqual([]);
  });
});
