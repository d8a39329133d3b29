import { db } from "@/lib/db/client";
import { claimDeliveries, msUntilNextDue } from "@/lib/domain/alerts/claim-deliveries";
import { recordDeliveries } from "@/lib/domain/alerts/record-deliveries";
import { systemCtx } from "@/lib/domain/context";
import { subscribe } from "@/lib/live/listener";
import { sendClaimed } from "./send";

const BATCH = 50;
// Notifications wake the worker at once; this poll only covers a lost notification.
const SAFETY_POLL_MS = 5_000;
// A floor on sleeping, so a delivery due but not claimable (a race, clock skew) cannot spin the loop.
const MIN_SLEEP_MS = 10;

/**
 * Sends the outbox. Every committed alert change wakes it (LISTEN), so a page leaves within
 * milliseconds; otherwise it sleeps until the next delivery falls due (a group wait, a retry), or
 * the safety poll. Returns the function that stops it.
 */
export function startDeliveryWorker(): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    drain()
      .catch((error: unknown) => {
        console.error("The delivery worker failed:", error);
        return null;
      })
      .then((dueInMs) => {
        running = false;
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
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

/**
 * Sends whatever is due, then says how long until the next delivery falls due (null: none
 * pending). Most wakes find nothing due, so they cost one read and no transaction.
 */
async function drain(): Promise<number | null> {
  for (;;) {
    const dueInMs = await msUntilNextDue(db());
    if (dueInMs === null || dueInMs > 0) return dueInMs;
    const claimed = await claimDeliveries(systemCtx("deliveries"), { limit: BATCH });
    if (claimed.length === 0) return MIN_SLEEP_MS;
    const sent = await sendClaimed(db(), claimed);
    await recordDeliveries(systemCtx("deliveries"), {
      requests: sent.map((s) => ({ channelId: s.channelId, deliveries: s.deliveries, ...s.outcome })),
    });
  }
}
