import { inject } from "vitest";
import { connect, type Database } from "@/lib/db/client";
import { Caller, signIn, type Credentials } from "./http";
import { startLane, type TestLane } from "./lane";
import { startServer, type Server } from "./server";
import { createTestDatabase, runtimeUrlFor } from "./test-database";

/** One console process of a cluster: its `next start` and its service lane, each on its own port. */
export interface ClusterNode {
  name: string;
  url: string;
  laneUrl: string;
  console: Server;
  lane: TestLane;
  caller(credentials: Credentials): Caller;
  laneCaller(credentials: Credentials): Caller;
  signedIn(email: string, password: string): Promise<Caller>;
}

/** Several consoles on one PostgreSQL database, as behind a load balancer; the test picks the node for each request. */
export interface TestCluster {
  nodes: ClusterNode[];
  /** What the consoles connect with: the cluster's database as the runtime role. */
  databaseUrl: string;
  /** A pool on the cluster's database as the superuser, for seeding through verbs and for checking rows. */
  database: Database;
  /** Starts the console and the lane of `node`, which the test stopped, again on their ports: to a balancer, the same backend back. */
  startAgain(node: ClusterNode): Promise<void>;
  stop(): Promise<void>;
}

// The same secret on every node, as behind a balancer: a session cookie signed by one is read by all.
const SHARED_SECRET = "cluster-test-secret-cluster-test-secret-0123";

export async function startCluster(size: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const testDatabase = await createTestDatabase(inject("testDatabaseServer"));
  const database = connect(testDatabase.url, 10);
  const databaseUrl = runtimeUrlFor(testDatabase.url);
  const started = await Promise.allSettled(Array.from({ length: size }, (_, i) => startNode(`node-${String.fromCharCode(97 + i)}`, databaseUrl, env)));
  const nodes = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stop = async () => {
    await Promise.all(nodes.map((n) => Promise.all([n.lane.stop(), n.console.stop()])));
    await database.close();
    await testDatabase.drop();
  };
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const startAgain = async (node: ClusterNode) => {
    const [port, servicePort] = [new URL(node.url).port, new URL(node.laneUrl).port];
    [node.console, node.lane] = await Promise.all([
      startServer(databaseUrl, { AUTH_SECRET: SHARED_SECRET, ...env, PORT: port }),
      startLane(databaseUrl, { ...env, SERVICE_PORT: servicePort }),
    ]);
  };
  return { nodes, databaseUrl, database, startAgain, stop };
}

async function startNode(name: string, databaseUrl: string, env: Record<string, string>): Promise<ClusterNode> {
  const [consoleServer, lane] = await Promise.all([startServer(databaseUrl, { AUTH_SECRET: SHARED_SECRET, ...env }), startLane(databaseUrl, env)]);
  const url = consoleServer.url;
  return {
    name,
    url,
    laneUrl: lane.url,
    console: consoleServer,
    lane,
    caller: (credentials) => new Caller(url, credentials),
    laneCaller: (credentials) => new Caller(lane.url, credentials),
    async signedIn(email, password) {
      const result = await signIn(url, email, password);
      if (!result.ok) throw new Error(`sign-in of ${email} on ${name} failed: ${result.error}`);
      return new Caller(url, { cookie: result.cookie });
    },
  };
}
