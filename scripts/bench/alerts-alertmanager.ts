import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";
import { sleep } from "./stats";

/** Debian's `prometheus-alertmanager` package, the peer the alert figures are compared with. */
export const ALERTMANAGER_BINARY = "/usr/bin/prometheus-alertmanager";

export interface Alertmanager {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export function alertmanagerInstalled(): boolean {
  return existsSync(ALERTMANAGER_BINARY);
}

/**
 * A real Alertmanager on a free port, its data in a temp dir, clustering off. Alerts carrying
 * `bench="page"` go to the webhook at `webhookUrl` with `group_wait: 0s`, one group per alert;
 * every other alert goes to a receiver without integrations, as the console keeps info alerts to itself.
 */
export async function startAlertmanager(webhookUrl: string): Promise<Alertmanager> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "breakwater-bench-alertmanager-"));
  const config = path.join(dir, "alertmanager.yml");
  await writeFile(
    config,
    `route:
  receiver: quiet
  group_by: ["..."]
  group_wait: 30s
  routes:
    - matchers: ['bench="page"']
      receiver: page
      group_wait: 0s
      group_interval: 1s
receivers:
  - name: quiet
  - name: page
    webhook_configs:
      - url: ${JSON.stringify(webhookUrl)}
        send_resolved: false
`,
  );
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    ALERTMANAGER_BINARY,
    [`--config.file=${config}`, `--storage.path=${dir}`, `--web.listen-address=127.0.0.1:${port}`, "--cluster.listen-address=", "--log.level=warn"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  while (!(await fetch(`${origin}/-/ready`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Alertmanager did not start:\n${log}`);
    }
    await sleep(100);
  }
  return { origin, pid: child.pid!, stop };
}
