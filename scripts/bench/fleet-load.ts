import { residentKb } from "./server-process";
import type { Stack } from "./stack";
import { sleep, spread, type Spread } from "./stats";
import { ms, type Section } from "./table";

export interface FleetLoadOptions {
  instances: number;
  breakersPerInstance: number;
  intervalMs: number;
  seconds: number;
}

export interface FleetLoad {
  /** Each instance's first report: all of them arrive within the first interval, as when a fleet is deployed. */
  firstReports: Spread;
  /** Every later report, once the fleet is registered. */
  reports: Spread;
  failedReports: number;
  breakersPageWhileRegistering: Spread;
  breakersPage: Spread;
  residentKb: number;
}

const PAGE_EVERY_MS = 500;
const FLEET: Omit<FleetLoadOptions, "instances"> = { breakersPerInstance: 5, intervalMs: 5_000, seconds: 60 };
/** The fleet, and the size its targets are set at. */
const FLEET_SIZES = [500, 2_000];
const REPORT_P99_MS = 50;
/** Past the largest size above, fleets this much larger each step, each for a shorter run, until one misses the target. */
const STEP_UP = { by: 500, seconds: 30, upTo: 6_000 };

/**
 * Fleets of 500 and 2,000 instances with 5 breakers each reporting every 5 s for a minute, the
 * Breakers page data read meanwhile; then the largest fleet that keeps reports within target.
 */
export const fleetSection: Section = async (stack, log) => {
  const rows = [];
  let carried: number | null = null;
  for (const instances of FLEET_SIZES) {
    log(`fleet load: ${instances} instances × ${FLEET.breakersPerInstance} breakers every ${FLEET.intervalMs / 1000} s for ${FLEET.seconds} s`);
    const fleet = await measureFleetLoad(stack, { ...FLEET, instances });
    if (withinTarget(fleet)) carried = instances;
    const of = `${instances} instances`;
    rows.push(
      { figure: `fleet of ${of} registering: first reports p50 / p99`, value: `${ms(fleet.firstReports.p50)} / ${ms(fleet.firstReports.p99)}`, target: "", vsBaseline: "" },
      { figure: `fleet of ${of} registering: Breakers page data p50 / p95`, value: `${ms(fleet.breakersPageWhileRegistering.p50)} / ${ms(fleet.breakersPageWhileRegistering.p95)}`, target: "", vsBaseline: "" },
      { figure: `fleet of ${of} registered: reports p50 / p99`, value: `${ms(fleet.reports.p50)} / ${ms(fleet.reports.p99)}`, target: "p99 ≤ 50 ms", vsBaseline: "" },
      { figure: `fleet of ${of} registered: Breakers page data p50 / p95`, value: `${ms(fleet.breakersPage.p50)} / ${ms(fleet.breakersPage.p95)}`, target: "p95 ≤ 100 ms", vsBaseline: "" },
      { figure: `fleet of ${of}: reports failed`, value: `${fleet.failedReports} of ${fleet.firstReports.count + fleet.reports.count}`, target: "0", vsBaseline: "" },
      { figure: `server RSS under a fleet of ${of}`, value: `${(fleet.residentKb / 1024).toFixed(1)} MiB`, target: "", vsBaseline: "" },
    );
  }
  rows.push(carried === null ? { figure: "largest fleet carried, reports p99 ≤ 50 ms", value: `none of ${FLEET_SIZES.join(", ")}`, target: "≥ 2000", vsBaseline: "" } : await stepUp(stack, log, carried));
  return rows;
};

function withinTarget(fleet: FleetLoad): boolean {
  return fleet.failedReports === 0 && fleet.reports.p99 <= REPORT_P99_MS;
}

/** Steps up from a size carried until a fleet misses the target; the row names the last carried and the first missed. */
async function stepUp(stack: Stack, log: (line: string) => void, from: number) {
  let carried = from;
  let missed = "";
  for (let instances = from + STEP_UP.by; instances <= STEP_UP.upTo; instances += STEP_UP.by) {
    log(`fleet load, stepping up: ${instances} instances for ${STEP_UP.seconds} s`);
    const fleet = await measureFleetLoad(stack, { ...FLEET, seconds: STEP_UP.seconds, instances });
    if (!withinTarget(fleet)) {
      missed = `; ${instances} had p99 ${ms(fleet.reports.p99)}, ${fleet.failedReports} failed`;
      break;
    }
    carried = instances;
  }
  return {
    figure: `largest fleet carried, reports p99 ≤ ${REPORT_P99_MS} ms (stepping up by ${STEP_UP.by}, ${STEP_UP.seconds} s each)`,
    value: `${carried} instances${missed}`,
    target: "≥ 2000",
    vsBaseline: "",
  };
}

/**
 * A new fleet registering (every instance's first report within the first `intervalMs`, each
 * creating its instance and audited), then at its steady pace, each instance reporting every
 * `intervalMs` with its breakers; meanwhile a browser's worth of Breakers page data
 * (`GET /api/v1/breakers`) is read twice a second. The two phases are reported apart.
 */
export async function measureFleetLoad(stack: Stack, options: FleetLoadOptions): Promise<FleetLoad> {
  const firstLatencies: number[] = [];
  const reportLatencies: number[] = [];
  const registeringPageLatencies: number[] = [];
  const pageLatencies: number[] = [];
  let firstDone = 0;
  let registered = false;
  let failedReports = 0;
  const deadline = performance.now() + options.seconds * 1000;

  const instance = async (i: number) => {
    await sleep((i / options.instances) * options.intervalMs);
    for (let round = 0; performance.now() < deadline; round++) {
      const due = performance.now() + options.intervalMs;
      const sent = performance.now();
      const response = await fetch(`${stack.laneOrigin}/api/v1/report`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.serviceToken}`, "content-type": "application/json" },
        body: JSON.stringify(fleetReport(i, round, options.breakersPerInstance)),
      }).catch(() => null);
      await response?.arrayBuffer();
      (round === 0 ? firstLatencies : reportLatencies).push(performance.now() - sent);
      if (round === 0 && ++firstDone === options.instances) registered = true;
      if (response?.status !== 200) failedReports += 1;
      await sleep(Math.max(0, due - performance.now()));
    }
  };
  const reader = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const response = await fetch(`${stack.origin}/api/v1/breakers`, { headers: { cookie: stack.cookie } });
      await response.arrayBuffer();
      (registered ? pageLatencies : registeringPageLatencies).push(performance.now() - sent);
      await sleep(PAGE_EVERY_MS);
    }
  };
  await Promise.all([...Array.from({ length: options.instances }, (_, i) => instance(i)), reader()]);
  return {
    firstReports: spread(firstLatencies),
    reports: spread(reportLatencies),
    failedReports,
    breakersPageWhileRegistering: spread(registeringPageLatencies),
    breakersPage: spread(pageLatencies),
    residentKb: await residentKb(stack.lanePid),
  };
}

// Every 40th round a breaker trips, so transitions and rate updates flow as in a real fleet.
function fleetReport(i: number, round: number, breakers: number) {
  return {
    service: `fleet-${i % 50}`,
    instance: `fleet-${i}`,
    environment: "production",
    health: { status: "healthy" },
    breakers: Array.from({ length: breakers }, (_, b) => {
      const open = (round + i + b) % 40 === 0;
      return {
        name: `dependency-${b}`,
        state: open ? "open" : "closed",
        failures: open ? 12 : round % 3,
        successes: 100 + (round % 7),
        rejects: open ? 30 : 0,
        timeouts: 0,
        fallbacks: open ? 30 : 0,
        failureRate: open ? 0.6 : 0.01,
        latencyMs: { p50: 40 + b, p95: 120 + b, p99: 300 + b },
        config: { rollingCountTimeoutMs: 10_000, resetTimeoutMs: 30_000 },
      };
    }),
  };
}
