import { db } from "@/lib/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { startDeliveryWorker } from "../deliveries/worker";
import { sweepAlerts, tidyAlerts } from "./sweep";

const SWEEP_MS = 1_000;
const TIDY_MS = 60_000;

// One set of alert workers per process even if start-up runs twice.
const work = processSingleton("alertWork", (): { stop?: () => Promise<void> } => ({}));

/**
 * Starts this process's share of alert work: the delivery worker, and a sweep every second (the
 * finest delay a route may set is a second). Failures are logged and tried again next round.
 * Returns the function that stops them, which resolves once the sends in flight are recorded or put back.
 */
export function startAlertWork(): () => Promise<void> {
  if (work.stop) return work.stop;
  const stopDeliveries = startDeliveryWorker();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastTidy = 0;
  const round = async () => {
    try {
      await sweepAlerts(db());
      if (Date.now() - lastTidy > TIDY_MS) {
        lastTidy = Date.now();
        await tidyAlerts(db());
      }
    } catch (error) {
      console.error("The alerts sweep failed:", error);
    }
    if (!stopped) timer = setTimeout(round, SWEEP_MS).unref();
  };
  timer = setTimeout(round, SWEEP_MS).unref();
  work.stop = async () => {
    stopped = true;
    clearTimeout(timer);
    work.stop = undefined;
    await stopDeliveries();
  };
  return work.stop;
}
