import { LONG_POLL_FLEET } from "./flip-latency";
import { openLongPollFleet } from "./long-poll-fleet";
import { measureActionToCallbacks } from "./long-poll-latency";
import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { sleep } from "./stats";
import { ms, ratio, type Section } from "./table";

const PUBLISHES = { service: "bench-publish", ...LONG_POLL_FLEET };
const P95_TARGET_MS = 100;

/**
 * Publish-to-instance latency: from an admin's `POST /api/v1/config/{service}/production/versions`
 * to `onConfigChange` in each of 500 SDK instances on the lane's control stream, whose `config`
 * event carries the body: no request from any instance.
 */
export const configPublishSection: Section = async (stack, log) => {
  const { service, instances, processes, startPerSecond, heartbeatMs, control, settleMs, actions: publishes, spacingMs } = PUBLISHES;
  log(`starting ${instances} SDK instances of ${service} in ${processes} processes on the lane's control ${control}, heartbeat ${heartbeatMs / 1000} s`);
  const fleet = await openLongPollFleet(stack, { service, instances, processes, watch: "config", startPerSecond, heartbeatMs, url: stack.laneOrigin, control });
  try {
    await sleep(settleMs);
    log(`publishing ${publishes} versions of ${service}/production, each once the previous one reached every instance and the server is idle`);
    const consoleBefore = await cpuMs(stack.serverPid);
    const laneBefore = await cpuMs(stack.lanePid);
    const run = `bench publish ${Date.now()}`;
    let expectedVersion = 0;
    const { latency, action, received, baseline } = await measureActionToCallbacks(stack, fleet, {
      actions: publishes,
      spacingMs,
      act: async (seq) => {
        const mark = `${run} #${seq}`;
        expectedVersion = await publish(stack, service, { body: { mark, replicas: 2 + (seq % 3) }, message: mark, expectedVersion });
        return mark;
      },
      log,
    });
    const consoleCpuMsPerPublish = ((await cpuMs(stack.serverPid)) - consoleBefore) / publishes;
    const laneCpuMsPerPublish = ((await cpuMs(stack.lanePid)) - laneBefore) / publishes;
    const complete = received.filter((count) => count === instances).length;
    const at = `${instances} instances, ${control}`;
    return [
      { figure: `publish → onConfigChange p50, ${at}`, value: ms(latency.p50), target: "", vsBaseline: ratio(latency.p50, baseline.p50) },
      { figure: `publish → onConfigChange p95, ${at}`, value: ms(latency.p95), target: `≤ ${P95_TARGET_MS} ms`, vsBaseline: ratio(latency.p95, baseline.p95) },
      { figure: `publish → onConfigChange p99, ${at}`, value: ms(latency.p99), target: "", vsBaseline: ratio(latency.p99, baseline.p99) },
      { figure: "publishes reaching every instance", value: `${complete} of ${publishes} (fewest ${Math.min(...received)})`, target: `${publishes} of ${publishes}`, vsBaseline: "" },
      { figure: "publish request p50 / p95", value: `${ms(action.p50)} / ${ms(action.p95)}`, target: "", vsBaseline: "" },
      { figure: "bare LISTEN p50/p95/p99 (baseline)", value: `${ms(baseline.p50)} / ${ms(baseline.p95)} / ${ms(baseline.p99)}`, target: "", vsBaseline: "1×" },
      { figure: "server CPU per publish: lane (stream + 500 reports) / console (the publish)", value: `${ms(laneCpuMsPerPublish)} / ${ms(consoleCpuMsPerPublish)}`, target: "", vsBaseline: "" },
    ];
  } finally {
    await fleet.close();
  }
};

/** An admin's publish, with compare-and-swap on the version it read; returns the new version. */
async function publish(stack: Stack, service: string, version: { body: unknown; message: string; expectedVersion: number }): Promise<number> {
  const response = await fetch(`${stack.origin}/api/v1/config/${service}/production/versions`, {
    method: "POST",
    headers: stack.adminWrite,
    body: JSON.stringify(version),
  });
  const answer = (await response.json()) as { version?: number };
  if (response.status !== 201 || answer.version === undefined) throw new Error(`the publish answered HTTP ${response.status}`);
  return answer.version;
}
