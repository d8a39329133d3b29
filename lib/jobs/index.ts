import { db, type Db } from "@/lib/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { startAlertWork } from "./alerts";
import { anchorAuditChain } from "./audit-anchor";
import { refreshAutomaticModes } from "./automatic-modes";
import { rollBackFailedBakes, watchBakes } from "./config-bakes";
import { runExpiries } from "./expiries";
import { maintainIncidents } from "./incidents";
import { maintainMetricPartitions } from "./metrics-partitions";
import { rollUpMetricHours } from "./metrics-rollups";
import { pruneBreakerMinutes } from "./prune";
import { watchRollouts } from "./rollout-steps";
import { evaluateAlertRules } from "./rules-evaluation";
import { runDueSchedules } from "./schedules";

const EVERY_MS = 2_000;

const jobs: [string, (database: Db) => Promise<void>][] = [
  ["expiries", runExpiries],
  ["automatic modes", refreshAutomaticModes],
  ["breaker minutes pruning", pruneBreakerMinutes],
  ["metric partitions", maintainMetricPartitions],
  ["metric hourly rollups", rollUpMetricHours],
  ["alert rules", evaluateAlertRules],
  ["config bakes", rollBackFailedBakes],
  ["config rollouts", watchRollouts],
  ["incidents", maintainIncidents],
  ["schedules", runDueSchedules],
  ["audit chain anchoring", anchorAuditChain],
];

// One loop per process even if start-up runs twice.
const loop = processSingleton("jobs", () => ({ started: false }));

/**
 * Runs the background jobs every couple of seconds in this process until it is told to stop. A
 * failing job is logged and tried again on the next round; it never takes the server down. Timers
 * are unref'd so they never keep a process alive on their own. Returns the function that stops
 * them, which resolves once the round in flight and the sends in flight are done.
 */
export function startJobs(): () => Promise<void> {
  if (loop.started) return async () => {};
  loop.started = true;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> | null = null;
  const round = () => {
    current = runRound().finally(() => (current = null));
  };
  const runRound = async () => {
    for (const [name, job] of jobs) {
      if (stopped) return;
      try {
        await job(db());
      } catch (error) {
        console.error(`The ${name} job failed:`, error);
      }
    }
    if (!stopped) timer = setTimeout(round, EVERY_MS).unref();
  };
  timer = setTimeout(round, EVERY_MS).unref();
  const stopAlertWork = startAlertWork();
  const stopBakeWatch = watchBakes();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    stopBakeWatch();
    await Promise.all([stopAlertWork(), current]);
  };
}
