import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One request a local receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  status: number;
}

/**
 * A local HTTP server standing in for webhooks, Slack and PagerDuty: it records every request by
 * path and answers 202, or an error while a path is told to fail.
 */
export async function startHttpReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const path = req.url ?? "/";
      const failing = failures.get(path) ?? 0;
      const status = failing > 0 ? 503 : 202;
      if (failing > 0) failures.set(path, failing - 1);
      received.push({ path, headers: req.headers, raw, body: JSON.parse(raw || "{}") as Record<string, unknown>, status });
      res.writeHead(status, { "content-type": "application/json" }).end(status === 202 ? '{"status":"success"}' : '{"status":"unavailable"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** Requests that reached `path`, answered or not. */
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next `times` requests to `path` get 503. */
    failNext: (path: string, times: number) => failures.set(path, times),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A webhook that keeps the first request open without answering, as a receiver that is slow to
 * answer, until `release` answers it 202; later requests get 202 at once.
 */
export async function startHoldingReceiver() {
  const requests: { remotePort: number; status: number | "held" }[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (requests.length === 0) {
        held.push(res);
        requests.push({ remotePort: req.socket.remotePort!, status: "held" });
        return;
      }
      requests.push({ remotePort: req.socket.remotePort!, status: 202 });
      res.writeHead(202, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    release: () => held.splice(0).forEach((res) => res.writeHead(202, { "content-type": "application/json" }).end("{}")),
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server that accepts every message, without TLS or authentication. */
export async function startSmtpReceiver() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

