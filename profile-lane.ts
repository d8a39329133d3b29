import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { connect } from "@/lib/db/client";
import { freePort, startEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createToken } from "@/lib/domain/access/service-tokens";
import { systemCtx } from "@/lib/domain/context";
import { measureIngestion } from "./scripts/bench/report-ingestion";
import { measureFleetLoad } from "./scripts/bench/fleet-load";

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "prof-"));
  const embedded = await startEmbedded(path.join(dir, "pg"), randomBytes(18).toString("base64url"));
  await migrate(embedded.url);
  const database = connect(embedded.url, 4);
  const { token } = await createToken(systemCtx(), { name: "p", service: "*" }, database.db);
  const port = await freePort();
  const opts = (process.env.PROF_NODE ?? "").split(" ").filter(Boolean);
  const lane = spawn(process.execPath, [...opts, "--import", "tsx", "scripts/lane.ts", "--host", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: embedded.url, SERVICE_PORT: String(port), BREAKWATER_DEMO: "0" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const laneOrigin = `http://127.0.0.1:${port}`;
  for (;;) { if ((await fetch(`${laneOrigin}/api/health`).then((r) => r.status, () => 0)) === 200) break; await new Promise((r) => setTimeout(r, 200)); }
  const stack = { laneOrigin, lanePid: lane.pid!, serviceToken: token, origin: laneOrigin, cookie: "" } as never;
  if (process.env.PROF_FLEET) {
    const f = await measureFleetLoad(stack, { instances: Number(process.env.PROF_FLEET), breakersPerInstance: 5, intervalMs: 5000, seconds: Number(process.env.PROF_SECONDS ?? 30) });
    console.log(JSON.stringify({ first: f.firstReports, reports: f.reports, failed: f.failedReports }));
  } else {
    const r = await measureIngestion(stack, { instances: 500, concurrency: 32, seconds: Number(process.env.PROF_SECONDS ?? 15) });
    console.log(JSON.stringify(r));
  }
  lane.kill("SIGTERM");
  await new Promise((r) => lane.once("exit", r));
  await database.close();
  await embedded.stop();
  process.exit(0);
}
void main();
