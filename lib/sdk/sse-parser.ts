export interface SseMessage {
  event: string;
  id: string | null;
  data: string;
}

/**
 * Splits a Server-Sent Events byte stream into messages, as the WHATWG spec reads it: `\n`, `\r\n`
 * or `\r` end a line, a blank line ends a message, comments (a leading `:`) are skipped, `data`
 * lines join with `\n`. Chunks may cut a line anywhere.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let buffer = "";
  let event = "";
  let id: string | null = null;
  let data: string[] = [];
  const line = (text: string) => {
    if (text === "") {
      if (data.length > 0) onMessage({ event: event || "message", id, data: data.join("\n") });
      event = "";
      id = null;
      data = [];
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? "" : text.slice(text[colon + 1] === " " ? colon + 2 : colon + 1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  };
  return (chunk) => {
    buffer += chunk;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== "\n" && c !== "\r") continue;
      // A `\r` at the end may be the first half of `\r\n`: wait for the next chunk to say.
      if (c === "\r" && i === buffer.length - 1) break;
      line(buffer.slice(start, i));
      if (c === "\r" && buffer[i + 1] === "\n") i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
}
