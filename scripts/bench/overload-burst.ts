import type { Stack } from "./stack";
import { sleep, spread, type Spread } from "./stats";
import { ms, ratio, type Section } from "./table";

const INSTANCES = 500;
// Enough that group commit fills its batches: the rate the lane carries at most, not at 32 in flight.
const IN_FLIGHT = 128;
const SUSTAINED_SECONDS = 5;
const BURST_SECONDS = 5;
const TIMES_SUSTAINABLE = 3;
const TICK_MS = 5;
const PAGE_EVERY_MS = 100;
const LONGEST_WAIT_TARGET_MS = 1_000;
const PAGE_P95_TARGET_MS = 100;

interface Burst {
  offeredPerSecond: number;
  answered: number;
  shed: number;
  /** Requests that got neither 200 nor 503: a refused connection, a 500, a timeout. */
  failed: number;
  waits: Spread;
  longestWaitMs: number;
  shedWaits: Spread;
  page: Spread;
}

/**
 * The overload test as a measurement: the sustainable report rate (the most the lane
 * carries, with many requests in flight), then three times that rate sent open loop, as a fleet does that does not wait for its
 * answers, while a signed-in person reads the Breakers page data. The lane should refuse what it
 * cannot take with an immediate 503 rather than queue it, and the page should not notice.
 */
export const burstSection: Section = async (stack, log) => {
  log(`sustainable report rate: ${INSTANCES} instances, ${IN_FLIGHT} in flight, ${SUSTAINED_SECONDS} s`);
  const sustainable = await sustainedRate(stack);
  const idlePage = await readPage(stack, () => sleep(2_000));
  log(`bursting ${TIMES_SUSTAINABLE}× that (${(TIMES_SUSTAINABLE * sustainable).toFixed(0)}/s) for ${BURST_SECONDS} s, open loop`);
  const burst = await measureBurst(stack, TIMES_SUSTAINABLE * sustainable);
  const sent = burst.answered + burst.shed + burst.failed;
  const share = (n: number) => `${((100 * n) / Math.max(1, sent)).toFixed(1)} %`;
  return [
    { figure: `sustainable report rate, ${IN_FLIGHT} in flight`, value: `${sustainable.toFixed(0)}/s`, target: "", vsBaseline: "" },
    { figure: `burst offered, ${TIMES_SUSTAINABLE}× sustainable`, value: `${burst.offeredPerSecond.toFixed(0)}/s, ${sent} sent`, target: "", vsBaseline: "" },
    { figure: "burst: answered 200 / shed 503 / other", value: `${share(burst.answered)} / ${share(burst.shed)} / ${burst.failed}`, target: "other 0", vsBaseline: "" },
    { figure: "burst: wait p50 / p99 / longest", value: `${ms(burst.waits.p50)} / ${ms(burst.waits.p99)} / ${ms(burst.longestWaitMs)}`, target: `longest ≤ ${LONGEST_WAIT_TARGET_MS} ms`, vsBaseline: "" },
    { figure: "burst: a 503's wait p50 / p99", value: `${ms(burst.shedWaits.p50)} / ${ms(burst.shedWaits.p99)}`, target: "", vsBaseline: "" },
    { figure: "Breakers page data p95 during the burst (baseline: idle)", value: ms(burst.page.p95), target: `≤ ${PAGE_P95_TARGET_MS} ms`, vsBaseline: ratio(burst.page.p95, idlePage.p95) },
  ];
};

async function sustainedRate(stack: Stack): Promise<number> {
  let next = 0;
  let done = 0;
  const deadline = performance.now() + SUSTAINED_SECONDS * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) if ((await sendReport(stack, next++)).status === 200) done += 1;
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function measureBurst(stack: Stack, perSecond: number): Promise<Burst> {
  const waits: number[] = [];
  const shedWaits: number[] = [];
  let answered = 0;
  let shed = 0;
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const page = await readPage(stack, async () => {
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < BURST_SECONDS * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
      for (; sent < due; sent++) {
        inFlight.push(
          sendReport(stack, sent).then(({ status, waitMs }) => {
            waits.push(waitMs);
            if (status === 200) answered += 1;
            else if (status === 503) {
              shed += 1;
              shedWaits.push(waitMs);
            } else failed += 1;
          }),
        );
      }
      await sleep(TICK_MS);
    }
    await Promise.all(inFlight);
  });
  return { offeredPerSecond: perSecond, answered, shed, failed, waits: spread(waits), longestWaitMs: Math.max(...waits), shedWaits: spread(shedWaits), page };
}

/** Reads the Breakers page data as a signed-in person's browser does, for as long as `during` runs. */
async function readPage(stack: Stack, during: () => Promise<void>): Promise<Spread> {
  const latencies: number[] = [];
  let running = true;
  const reader = (async () => {
    while (running) {
      const sent = performance.now();
      const response = await fetch(`${stack.origin}/api/v1/breakers`, { headers: { cookie: stack.cookie } });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      await sleep(PAGE_EVERY_MS);
    }
  })();
  await during();
  running = false;
  await reader;
  return spread(latencies);
}

async function sendReport(stack: Stack, seq: number): Promise<{ status: number; waitMs: number }> {
  const i = seq % INSTANCES;
  const sent = performance.now();
  const response = await fetch(`${stack.laneOrigin}/api/v1/report`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.serviceToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      service: `burst-${i % 25}`,
      instance: `burst-${i}`,
      environment: "production",
      health: { status: "healthy" },
      breakers: [{ name: "upstream", state: "closed", failures: 0, successes: 100, rejects: 0, failureRate: 0, latencyMs: { p50: 20, p95: 80, p99: 150 } }],
    }),
  }).catch(() => null);
  await response?.arrayBuffer();
  return { status: response?.status ?? 0, waitMs: performance.now() - sent };
}
