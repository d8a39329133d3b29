import { db } from "@/lib/db/client";
import { claimDeliveries, msUntilNextDue, releaseClaims, type ClaimedDelivery } from "@/lib/domain/alerts/claim-deliveries";
import { recordDeliveries } from "@/lib/domain/alerts/record-deliveries";
import { systemCtx } from "@/lib/domain/context";
import { subscribe } from "@/lib/live/listener";
import { SEND_TIMEOUT_MS } from "./http-post";
import { sendClaimed } from "./send";

const BATCH = 50;
// Notifications wake the worker at once; this poll only covers a lost notification.
const SAFETY_POLL_MS = 5_000;
// A floor on sleeping, so a delivery due but not claimable (a race, clock skew) cannot spin the loop.
const MIN_SLEEP_MS = 10;
// A stop waits this long for the sends in flight: a send gives up after its timeout, and recording it takes a moment more.
const STOP_WAIT_MS = SEND_TIMEOUT_MS + 1_000;

/**
 * Sends the outbox. Every committed alert change wakes it (LISTEN), so a page leaves within
 * milliseconds; otherwise it sleeps until the next delivery falls due (a group wait, a retry), or
 * the safety poll. Returns the function that stops it: it claims nothing more, lets the sends in
 * flight finish and records them, and puts back what is still unrecorded after STOP_WAIT_MS, so
 * another process takes it at once instead of after the claim lapses.
 */
export function startDeliveryWorker(): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const holding = new Map<number, ClaimedDelivery>();

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = drain(holding, () => stopped)
      .catch((error: unknown) => {
        console.error("The delivery worker failed:", error);
        return null;
      })
      .then((dueInMs) => {
        running = null;
        if (again) {
          again = false;
          wake();
        } else if (!stopped) {
          const wait = dueInMs === null ? SAFETY_POLL_MS : Math.max(MIN_SLEEP_MS, Math.min(SAFETY_POLL_MS, dueInMs));
          timer = setTimeout(wake, wait).unref();
        }
      });
  };

  const unsubscribe = subscribe((events) => {
    if (events.some((e) => e.topic === "alert")) wake();
  });
  wake();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    if (holding.size === 0) return;
    await releaseClaims(systemCtx("deliveries"), { ids: [...holding.keys()] }).catch((error: unknown) => console.error("Releasing the claimed deliveries failed:", error));
  };
}

/**
 * Sends whatever is due, then says how long until the next delivery falls due (null: none
 * pending). Most wakes find nothing due, so they cost one read and no transaction.
 */
async function drain(holding: Map<number, ClaimedDelivery>, stopped: () => boolean): Promise<number | null> {
  while (!stopped()) {
    const dueInMs = await msUntilNextDue(db());
    if (dueInMs === null || dueInMs > 0) return dueInMs;
    const claimed = await claimDeliveries(systemCtx("deliveries"), { limit: BATCH });
    if (claimed.length === 0) return MIN_SLEEP_MS;
    for (const d of claimed) holding.set(d.id, d);
    const sent = await sendClaimed(db(), claimed);
    await recordDeliveries(systemCtx("deliveries"), {
      requests: sent.map((s) => ({ channelId: s.channelId, deliveries: s.deliveries, ...s.outcome })),
    });
    for (const d of claimed) holding.delete(d.id);
  }
  return null;
}
