import { once } from "node:events";
import { createServer, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_UNREAD_BYTES } from "@/lib/domain/control/stream";
import { nodeSink } from "./node-adapter";

const CHUNK = Buffer.alloc(64 * 1024, "x");
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A real server and a client that sends its request and then never reads the answer. */
async function responseToStalledReader(): Promise<{ res: ServerResponse; stop: () => void }> {
  const server = createServer();
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
  socket.pause();
  socket.write("GET /stream HTTP/1.1\r\nhost: localhost\r\n\r\n");
  const [, res] = (await once(server, "request")) as [unknown, ServerResponse];
  return { res, stop: () => socket.destroy() };
}

describe("nodeSink", () => {
  it("tells a reader that stopped reading apart once the bytes waiting for it pass the bound, instead of buffering without end", async () => {
    const { res, stop } = await responseToStalledReader();
    const sink = nodeSink(res, { "content-type": "text/event-stream" });
    let written = 0;
    // The kernel's socket buffers take a few MiB first; past them every byte waits in the process.
    while (sink.write(CHUNK)) {
      written += CHUNK.length;
      expect(written).toBeLessThan(256 * 1024 * 1024);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(res.writableLength).toBeGreaterThan(MAX_UNREAD_BYTES);
    expect(res.writableLength).toBeLessThanOrEqual(MAX_UNREAD_BYTES + CHUNK.length + 1024);
    sink.destroy();
    expect(res.destroyed).toBe(true);
    stop();
  });

  it("keeps a stream whose reader takes what it is sent", async () => {
    const server = createServer((_req, res) => {
      const sink = nodeSink(res, { "content-type": "text/event-stream" });
      let ok = true;
      for (let i = 0; i < 8; i++) ok &&= sink.write(CHUNK);
      expect(ok).toBe(true);
      sink.end();
    });
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect((await response.arrayBuffer()).byteLength).toBe(8 * CHUNK.length);
  });
});
