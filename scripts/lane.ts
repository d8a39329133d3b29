/**
 * The service lane's process: the service-facing endpoints on SERVICE_PORT, beside `next start`.
 * It runs no background jobs (those stay in Next's process); its LISTEN connection starts with the
 * first long-poll. SIGTERM drains (readiness 503, control streams closed with a retry hint,
 * long-polls answered), stops accepting, lets short requests finish, and closes the pool.
 */
import { database } from "@/lib/db/client";
import { env, EnvError, servicePort } from "@/lib/env";
import { createLane } from "@/lib/lane/server";
import { startDraining } from "@/lib/live/draining";
import { checkConnectionAtStart } from "@/lib/observability/session-verdict";

const STOP_GRACE_MS = 5_000;
const RETRY_AFTER_SECONDS = 2;

function main() {
  const config = env();
  const port = servicePort();
  const host = process.argv.includes("--host") ? process.argv[process.argv.indexOf("--host") + 1] : undefined;
  const lane = createLane({ maxInFlight: config.LANE_MAX_IN_FLIGHT, maxLoopDelayMs: config.LANE_MAX_LOOP_DELAY_MS, retryAfterSeconds: RETRY_AFTER_SECONDS });
  lane.server.listen(port, host, () => console.log(`The service lane listens on ${host ?? "*"}:${port}`));
  checkConnectionAtStart();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    startDraining();
    await lane.stop();
    await database().close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

try {
  main();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
