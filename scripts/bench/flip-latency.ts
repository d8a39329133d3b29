import { openLongPollFleet } from "./long-poll-fleet";
import { measureActionToCallbacks } from "./long-poll-latency";
import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { sleep } from "./stats";
import { ms, ratio, type Section } from "./table";

/** The fleet and pacing of the control sections: flip here, publish in config-publish.ts. */
export const LONG_POLL_FLEET = {
  instances: 500,
  processes: 5,
  // Each instance's first report and its report of the revision it then applied arrive while
  // the fleet starts; at 25 a second they stay within what report ingestion takes today.
  startPerSecond: 25,
  // Not the SDK's 10 s: 50 heartbeats a second of one service would measure report ingestion on
  // this machine's two cores (the fleet section does), not the action's path. Each action still
  // brings a report from every instance (its proof of delivery), which the servers finish before
  // the next action.
  heartbeatMs: 30_000,
  control: "stream" as const,
  settleMs: 10_000,
  // Each action brings 500 reports of the revision applied, which the servers finish before the next.
  actions: 10,
  spacingMs: 1_000,
};
const FLIPS = { service: "bench-flip", ...LONG_POLL_FLEET };
// Each flip changes the mode, so every instance's onModeChange fires once per flip.
const MODES = ["local_queue", "reduced_performance"];
const P95_TARGET_MS = 50;

/**
 * Flip-to-instance latency: from an operator's `PUT /api/v1/services/{service}/mode` on the
 * console to `onModeChange` in each of 500 SDK instances holding the control stream of the lane.
 */
export const flipSection: Section = async (stack, log) => {
  const { service, instances, processes, startPerSecond, heartbeatMs, control, settleMs, actions: flips, spacingMs } = FLIPS;
  log(`starting ${instances} SDK instances of ${service} in ${processes} processes on the lane's control ${control}, heartbeat ${heartbeatMs / 1000} s`);
  const fleet = await openLongPollFleet(stack, { service, instances, processes, watch: "mode", startPerSecond, heartbeatMs, url: stack.laneOrigin, control });
  try {
    // The start's burst of first reports and control reads passes before the first flip.
    await sleep(settleMs);
    const errorsBefore = await fleet.errors();
    log(`flipping ${service} ${flips} times, each once the previous one reached every instance and the server is idle`);
    const consoleBefore = await cpuMs(stack.serverPid);
    const laneBefore = await cpuMs(stack.lanePid);
    const run = `bench flip ${Date.now()}`;
    const { latency, action, received, baseline } = await measureActionToCallbacks(stack, fleet, {
      actions: flips,
      spacingMs,
      act: (seq) => flip(stack, service, MODES[seq % MODES.length]!, `${run} #${seq}`),
      log,
    });
    const consoleCpuMsPerFlip = ((await cpuMs(stack.serverPid)) - consoleBefore) / flips;
    const laneCpuMsPerFlip = ((await cpuMs(stack.lanePid)) - laneBefore) / flips;
    const errors = Object.entries(await fleet.errors())
      .map(([during, count]) => [during, count - (errorsBefore[during] ?? 0)] as const)
      .filter(([, count]) => count > 0)
      .map(([during, count]) => `${count} ${during}`);
    const complete = received.filter((count) => count === instances).length;
    const at = `${instances} instances, ${control}`;
    return [
      { figure: `flip → onModeChange p50, ${at}`, value: ms(latency.p50), target: "", vsBaseline: ratio(latency.p50, baseline.p50) },
      { figure: `flip → onModeChange p95, ${at}`, value: ms(latency.p95), target: `≤ ${P95_TARGET_MS} ms`, vsBaseline: ratio(latency.p95, baseline.p95) },
      { figure: `flip → onModeChange p99, ${at}`, value: ms(latency.p99), target: "", vsBaseline: ratio(latency.p99, baseline.p99) },
      { figure: "bare LISTEN p50/p95/p99 (baseline)", value: `${ms(baseline.p50)} / ${ms(baseline.p95)} / ${ms(baseline.p99)}`, target: "", vsBaseline: "1×" },
      { figure: "flips reaching every instance", value: `${complete} of ${flips} (fewest ${Math.min(...received)})`, target: `${flips} of ${flips}`, vsBaseline: "" },
      { figure: "flip request p50 / p95", value: `${ms(action.p50)} / ${ms(action.p95)}`, target: "", vsBaseline: "" },
      { figure: "server CPU per flip: lane (stream + 500 reports) / console (the flip)", value: `${ms(laneCpuMsPerFlip)} / ${ms(consoleCpuMsPerFlip)}`, target: "", vsBaseline: "" },
      { figure: "SDK errors during the flips", value: errors.join(", ") || "0", target: "0", vsBaseline: "" },
    ];
  } finally {
    await fleet.close();
  }
};

/** An operator's flip, as the console's API takes it; returns the reason, which each instance's ModeChange carries. */
async function flip(stack: Stack, service: string, mode: string, reason: string): Promise<string> {
  const response = await fetch(`${stack.origin}/api/v1/services/${service}/mode`, {
    method: "PUT",
    headers: stack.adminWrite,
    body: JSON.stringify({ mode, reason }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the flip answered HTTP ${response.status}`);
  return reason;
}
