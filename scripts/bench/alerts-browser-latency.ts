import { postWebhook } from "./alerts-intake";
import { pagingAlert } from "./alerts-page-latency";
import type { Stack } from "./stack";
import { monotonicMs, sleep, spread, type Spread } from "./stats";

export const BROWSER = { samples: 100, spacingMs: 50, withinMs: 5_000 };

/** The Alerts page's list as its first paint asks for it. */
const LIST_PATH = "/api/v1/alerts?status=open";

export interface BrowserLatency {
  /** Intake request sent → the `alert` event on the tab's stream. */
  event: Spread;
  /** Intake request sent → the refetched list holding the new row. */
  row: Spread;
  missing: number;
}

/**
 * Fire-to-browser, as a tab of the Alerts page sees it: one event stream, and on every `alert`
 * event a refetch of the page's list (a newer event cancels a refetch in flight, as react-query's
 * invalidation does). Timed from sending the intake request to the list answer holding the row.
 */
export async function measureBrowserLatency(stack: Stack, run: string): Promise<BrowserLatency> {
  const tab = await openTab(stack);
  const events: number[] = [];
  const rows: number[] = [];
  let missing = 0;
  try {
    for (let i = 0; i < BROWSER.samples; i++) {
      const name = `BenchRow-${run}-${i}`;
      const sent = monotonicMs();
      const alert = pagingAlert(name);
      const eventSeen = tab.nextEvent(BROWSER.withinMs);
      const rowSeen = tab.rowArrival(name, BROWSER.withinMs);
      // Not `bench="page"`: this alert notifies nobody, so only the stream and the list are timed.
      const status = await postWebhook(stack, [{ ...alert, labels: { ...alert.labels, bench: "browser" } }], "firing");
      if (status !== 202) throw new Error(`firing answered HTTP ${status}`);
      const [eventAt, rowAt] = await Promise.all([eventSeen, rowSeen]);
      if (rowAt === undefined || eventAt === undefined) missing += 1;
      else {
        events.push(eventAt - sent);
        rows.push(rowAt - sent);
      }
      await sleep(BROWSER.spacingMs);
    }
  } finally {
    tab.close();
  }
  return { event: spread(events), row: spread(rows), missing };
}

async function openTab(stack: Stack) {
  const abort = new AbortController();
  const response = await fetch(`${stack.origin}/api/v1/stream`, { headers: { cookie: stack.cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`the stream answered HTTP ${response.status}`);
  // Set by the measuring loop, called by the stream reader and the refetch.
  const waiting: { event: ((at: number) => void) | null; row: { name: string; resolve: (at: number) => void } | null } = { event: null, row: null };
  let refetch: AbortController | null = null;

  const refetchList = async () => {
    refetch?.abort();
    const mine = new AbortController();
    refetch = mine;
    const answer = await fetch(`${stack.origin}${LIST_PATH}`, { headers: { cookie: stack.cookie }, signal: mine.signal }).then((r) => r.text(), () => null);
    const at = monotonicMs();
    if (answer === null || mine.signal.aborted || !waiting.row) return;
    if (answer.includes(`"alertname":"${waiting.row.name}"`)) waiting.row.resolve(at);
  };

  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let pending = "";
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const at = monotonicMs();
      pending += decoder.decode(value, { stream: true });
      const frames = pending.split("\n\n");
      pending = frames.pop()!;
      if (!frames.some((f) => f.startsWith("event: alert"))) continue;
      waiting.event?.(at);
      waiting.event = null;
      void refetchList();
    }
  })();

  return {
    nextEvent(withinMs: number): Promise<number | undefined> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), withinMs);
        waiting.event = (at) => {
          clearTimeout(timer);
          resolve(at);
        };
      });
    },
    rowArrival(name: string, withinMs: number): Promise<number | undefined> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), withinMs);
        waiting.row = {
          name,
          resolve: (at) => {
            clearTimeout(timer);
            waiting.row = null;
            resolve(at);
          },
        };
      });
    },
    close: () => abort.abort(),
  };
}
