import { postWebhook, type BenchAlert } from "./alerts-intake";
import type { startReceiver } from "./alerts-receiver";
import type { Stack } from "./stack";
import { monotonicMs, sleep, spread, untilAdmitted, type Spread } from "./stats";

export const PAGES = { samples: 200, spacingMs: 20, withinMs: 5_000 };
export const PAGE_CHANNEL = "bench-page";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export interface PageLatency {
  latency: Spread;
  missing: number;
}

/** One alert that pages: `bench="page"` routes it to the receiver, with no group wait. */
export function pagingAlert(name: string): BenchAlert {
  return {
    labels: { alertname: name, service: "bench-paging", severity: "critical", bench: "page" },
    annotations: { summary: "paging benchmark" },
    startsAt: new Date().toISOString(),
    generatorURL: "http://prometheus.local/graph",
  };
}

/**
 * A webhook channel at the receiver, and a first route sending `bench="page"` alerts to it at once,
 * one group per alert; made by the admin through the API, as on the Routing page.
 */
export async function routeToReceiver(stack: Stack, receiver: Receiver): Promise<void> {
  const headers = stack.adminWrite;
  const created = await fetch(`${stack.origin}/api/v1/channels`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name: PAGE_CHANNEL, type: "webhook", config: { url: `${receiver.url}/page` } }),
  });
  if (created.status !== 201) throw new Error(`creating the channel answered HTTP ${created.status}: ${await created.text()}`);
  const { version, tree } = (await (await fetch(`${stack.origin}/api/v1/routing`, { headers })).json()) as { version: number; tree: { routes: unknown[] } };
  const route = { matchers: [{ label: "bench", op: "=", value: "page" }], receiver: PAGE_CHANNEL, groupBy: ["..."], groupWaitSeconds: 0 };
  const published = await fetch(`${stack.origin}/api/v1/routing`, {
    method: "PUT",
    headers,
    body: JSON.stringify({ tree: { ...tree, routes: [route, ...tree.routes] }, expectedVersion: version }),
  });
  if (published.status !== 200) throw new Error(`publishing the routing tree answered HTTP ${published.status}: ${await published.text()}`);
}

/**
 * Fire-to-page: from sending an alert (one a request) to the receiver getting its notification,
 * one alert at a time. `fire` sends it to the console or to Alertmanager.
 */
export async function measurePageLatency(receiver: Receiver, run: string, fire: (alert: BenchAlert) => Promise<number>): Promise<PageLatency> {
  const samples: number[] = [];
  let missing = 0;
  for (let i = 0; i < PAGES.samples; i++) {
    const name = `BenchPage-${run}-${i}`;
    const arrival = receiver.arrival(name, PAGES.withinMs);
    const sent = monotonicMs();
    const status = await untilAdmitted(() => fire(pagingAlert(name)));
    if (status < 200 || status >= 300) throw new Error(`firing a paging alert answered HTTP ${status}`);
    const arrived = await arrival;
    if (arrived === undefined) missing += 1;
    else samples.push(arrived - sent);
    await sleep(PAGES.spacingMs);
  }
  return { latency: spread(samples), missing };
}

export const fireAtConsole = (stack: Stack) => (alert: BenchAlert) => postWebhook(stack, [alert], "firing");

export const fireAtAlertmanager = (origin: string) => async (alert: BenchAlert) => {
  const response = await fetch(`${origin}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([alert]) });
  await response.arrayBuffer();
  return response.status;
};
