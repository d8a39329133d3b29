/**
 * The simulated fleet `npm start` runs beside the console when BREAKWATER_DEMO is on: services
 * named after real workloads, each instance with real opossum breakers in front of scripted
 * dependencies, talking to the console only through the public API with the SDK.
 */
import { databaseUrl, env, EnvError, servicePort } from "@/lib/env";
import { fleet } from "./catalog";
import { seedDefaultRules } from "./default-rules";
import { seedDemoConfig } from "./demo-config";
import { issueFleetToken } from "./demo-token";
import { startInstance } from "./instance";
import { scheduleBadRollout } from "./rollout-scenario";
import { waitForConsole } from "./wait-for-console";

const log = (line: string) => console.log(`[fleet] ${line}`);

async function main() {
  const config = env();
  // The fleet talks to the service lane, as real services should.
  const url = config.BREAKWATER_URL ?? `http://localhost:${servicePort()}`;
  const stopping = new AbortController();
  const running: Array<{ stop(): void }> = [];
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const stop = () => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    timers.forEach(clearTimeout);
    running.forEach((instance) => instance.stop());
    // Everything left is unreferenced; this only bounds a straggling socket.
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  const token = await issueFleetToken(databaseUrl());
  await seedDemoConfig(databaseUrl(), fleet);
  await seedDefaultRules(databaseUrl(), fleet.map((s) => s.name));
  if (!(await waitForConsole(url, stopping.signal))) return;

  let lastComplaint = 0;
  const onError = (error: unknown) => {
    if (Date.now() - lastComplaint < 30_000) return;
    lastComplaint = Date.now();
    log(`cannot reach the console at ${url} (${error instanceof Error ? error.message : String(error)}); instances keep running and retry`);
  };
  const startedAt = Date.now();
  let count = 0;
  for (const service of fleet) {
    for (let index = 0; index < service.instances; index++) {
      // Staggered so the instances' reports spread over the interval instead of arriving together.
      const delay = count++ * 120;
      timers.push(setTimeout(() => running.push(startInstance({ url, token, service, index, startedAt, log, onError })), delay));
    }
  }
  const scenario = scheduleBadRollout(databaseUrl(), fleet, log);
  if (scenario) timers.push(scenario);
  log(`${count} instances of ${fleet.length} services report to ${url} on a 10 s heartbeat, and within a second of each change, with the service token demo-fleet; they follow the control stream`);
}

main().catch((error) => {
  console.error(`[fleet] ${error instanceof EnvError ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
