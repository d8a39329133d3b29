import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { burstReport } from "./burst-report";
import type { Command, Reply } from "./burst-sender";
import { ask } from "./ipc";
import type { Stack } from "./stack";
import { sleep, spread, type Spread } from "./stats";
import { ms, ratio, type Row, type Section } from "./table";

const INSTANCES = 500;
// Enough that group commit fills its batches: the rate the lane carries at most, not at 32 in flight.
const IN_FLIGHT = 128;
const SUSTAINED_SECONDS = 5;
const BURST_SECONDS = 5;
// 1.5× as well as the 3×: on this machine the senders share the two cores with the lane,
// so the lower rate shows the lane's own answer where the higher one may show the senders' backlog.
const MULTIPLES = [1.5, 3, 6];
const SENDERS = 2;
const PAGE_EVERY_MS = 100;
const LONGEST_WAIT_TARGET_MS = 1_000;
const PAGE_P95_TARGET_MS = 100;
const sender = path.join(path.dirname(fileURLToPath(import.meta.url)), "burst-sender.ts");

interface Burst {
  answered: number;
  shed: number;
  /** Requests that got neither 200 nor 503: a refused connection, a 500, a timeout. */
  failed: number;
  waits: Spread;
  longestWaitMs: number;
  shedWaits: Spread;
  /** The senders' own event-loop delay p99 (the worse one): past a few ms, their waits are partly their own backlog. */
  senderDelayP99Ms: number;
  /** Answers a second, from the first request sent to the last answer: what reached the lane, not what was offered. */
  answeredPerSecond: number;
  page: Spread;
}

/**
 * The overload test as a measurement: the sustainable report rate (the most the lane
 * carries, with many requests in flight), then multiples of it sent open loop by processes of their
 * own over one connection per instance, while a signed-in person reads the Breakers page data. What
 * a connection cannot carry yet waits in its sender, as an instance's next report waits for its
 * last; the lane should answer or refuse what it holds within a second, and the page should not notice.
 */
export const burstSection: Section = async (stack, log) => {
  log(`sustainable report rate: ${INSTANCES} instances, ${IN_FLIGHT} in flight, ${SUSTAINED_SECONDS} s`);
  const sustainable = await sustainedRate(stack);
  const idlePage = await readPage(stack, () => sleep(2_000));
  const rows: Row[] = [{ figure: `sustainable report rate, ${IN_FLIGHT} in flight`, value: `${sustainable.toFixed(0)}/s`, target: "", vsBaseline: "" }];
  for (const times of MULTIPLES) {
    const perSecond = times * sustainable;
    log(`bursting ${times}× that (${perSecond.toFixed(0)}/s) for ${BURST_SECONDS} s, open loop from ${SENDERS} processes`);
    rows.push(...burstRows(times, perSecond, await measureBurst(stack, perSecond), idlePage));
    await sleep(2_000);
  }
  return rows;
};

function burstRows(times: number, perSecond: number, burst: Burst, idlePage: Spread): Row[] {
  const sent = burst.answered + burst.shed + burst.failed;
  const share = (n: number) => `${((100 * n) / Math.max(1, sent)).toFixed(1)} %`;
  const at = `burst at ${times}×`;
  return [
    { figure: `${at}: offered / answered`, value: `${perSecond.toFixed(0)}/s / ${burst.answeredPerSecond.toFixed(0)}/s, ${sent} sent`, target: "", vsBaseline: "" },
    { figure: `${at}: answered 200 / shed 503 / other`, value: `${share(burst.answered)} / ${share(burst.shed)} / ${burst.failed}`, target: "other 0", vsBaseline: "" },
    { figure: `${at}: wait p50 / p99 / longest`, value: `${ms(burst.waits.p50)} / ${ms(burst.waits.p99)} / ${ms(burst.longestWaitMs)}`, target: `longest ≤ ${LONGEST_WAIT_TARGET_MS} ms`, vsBaseline: "" },
    { figure: `${at}: a 503's wait p50 / p99`, value: `${ms(burst.shedWaits.p50)} / ${ms(burst.shedWaits.p99)}`, target: "", vsBaseline: "" },
    { figure: `${at}: the senders' own event-loop delay p99`, value: ms(burst.senderDelayP99Ms), target: "", vsBaseline: "" },
    { figure: `${at}: Breakers page data p95 (baseline: idle)`, value: ms(burst.page.p95), target: `≤ ${PAGE_P95_TARGET_MS} ms`, vsBaseline: ratio(burst.page.p95, idlePage.p95) },
  ];
}

async function sustainedRate(stack: Stack): Promise<number> {
  let next = 0;
  let done = 0;
  const deadline = performance.now() + SUSTAINED_SECONDS * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const response = await fetch(`${stack.laneOrigin}/api/v1/report`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.serviceToken}`, "content-type": "application/json" },
        body: burstReport(next++ % INSTANCES),
      }).catch(() => null);
      await response?.arrayBuffer();
      if (response?.status === 200) done += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function measureBurst(stack: Stack, perSecond: number): Promise<Burst> {
  const children = Array.from({ length: SENDERS }, () => fork(sender, { execArgv: ["--import", "tsx"], stdio: "inherit" }));
  try {
    let parts: Extract<Reply, { sent: unknown }>["sent"][] = [];
    const page = await readPage(stack, async () => {
      parts = await Promise.all(
        children.map((child, k) => {
          const command: Command = {
            send: { url: `${stack.laneOrigin}/api/v1/report`, token: stack.serviceToken, perSecond: perSecond / SENDERS, seconds: BURST_SECONDS, instances: INSTANCES, first: k },
          };
          return ask<Command, Reply, Extract<Reply, { sent: unknown }>["sent"]>(child, command, (r) => ("sent" in r ? r.sent : undefined));
        }),
      );
    });
    const statuses = parts.flatMap((p) => p.statuses);
    const waits = parts.flatMap((p) => p.waits);
    const shedWaits = waits.filter((_, i) => statuses[i] === 503);
    return {
      answered: statuses.filter((s) => s === 200).length,
      shed: shedWaits.length,
      failed: statuses.filter((s) => s !== 200 && s !== 503).length,
      waits: spread(waits),
      longestWaitMs: waits.reduce((a, b) => Math.max(a, b), 0),
      shedWaits: spread(shedWaits),
      senderDelayP99Ms: Math.max(...parts.map((p) => p.delayP99Ms)),
      answeredPerSecond: statuses.length / (Math.max(...parts.map((p) => p.elapsedMs)) / 1000),
      page,
    };
  } finally {
    for (const child of children) child.kill();
  }
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
