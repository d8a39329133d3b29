import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import { createConnection } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGBOUNCER } from "./debian-packages";
import { freePort } from "@/lib/db/embedded";

export interface TestPgBouncer {
  /** `url` with its host and port replaced by the pooler's: the same database, role and password. */
  url: string;
  /** What PgBouncer wrote to its log, for a failing test to show. */
  log(): string;
  stop(): Promise<void>;
}

const STARTUP_LIMIT_MS = 15_000;

/**
 * A real PgBouncer in a temp folder of its own, in front of the database `url` names, on a free
 * port of 127.0.0.1, in `mode`. Clients are trusted (the role must be in the auth file, whose
 * password PgBouncer then uses to log in to PostgreSQL with SCRAM).
 */
export async function startPgBouncer(url: string, mode: "session" | "transaction"): Promise<TestPgBouncer> {
  const target = new URL(url);
  const role = decodeURIComponent(target.username);
  const database = target.pathname.slice(1);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "breakwater-pgbouncer-"));
  const port = await freePort();
  const ini = path.join(dir, "pgbouncer.ini");
  await fs.writeFile(path.join(dir, "userlist.txt"), `"${role}" "${decodeURIComponent(target.password).replaceAll('"', '""')}"\n`);
  await fs.writeFile(
    ini,
    [
      "[databases]",
      `${database} = host=${target.hostname} port=${target.port} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      `pool_mode = ${mode}`,
      "max_client_conn = 200",
      "default_pool_size = 40",
      // postgres.js sends these at connect; PgBouncer refuses start-up parameters it does not know.
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  // PgBouncer will not run as root; it drops to the user PostgreSQL runs as here.
  const asRoot = os.userInfo().uid === 0;
  if (asRoot) await fs.chmod(dir, 0o755);
  const child = spawn(PGBOUNCER.binary, [...(asRoot ? ["-u", "postgres"] : []), ini], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      await exited;
    }
    await fs.rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`PgBouncer did not start listening on ${port}:\n${output.join("")}`);
    }
    await sleep(100);
  }
  const pooled = new URL(url);
  pooled.port = String(port);
  return { url: pooled.toString(), log: () => output.join(""), stop };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}
