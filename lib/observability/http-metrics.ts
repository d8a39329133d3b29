import { Counter, Gauge, Histogram } from "prom-client";
import { metric } from "./registry";

const labelNames = ["method", "route", "status"] as const;

const requests = metric(
  "breakwater_http_requests_total",
  (c) => new Counter({ ...c, help: "HTTP requests answered by the API routes.", labelNames }),
);

const duration = metric(
  "breakwater_http_request_duration_seconds",
  (c) =>
    new Histogram({
      ...c,
      help: "Time from a request's arrival to its response headers (for the event stream: until it starts).",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

const inFlight = metric("breakwater_http_requests_in_flight", (c) => new Gauge({ ...c, help: "API requests being handled now." }));

type Handler<C> = (req: Request, context: C) => Promise<Response>;

/**
 * Counts and times every answer of a route handler, labelled by its route pattern rather than its
 * path. Next.js passes no params at all to a route without dynamic segments.
 */
export function measured<C extends { params: Promise<Record<string, string | string[]> | undefined> }>(handler: Handler<C>): Handler<C> {
  return async (req, context) => {
    const started = performance.now();
    inFlight.inc();
    try {
      const response = await handler(req, context);
      const labels = { method: req.method, route: routePattern(new URL(req.url).pathname, (await context.params) ?? {}), status: response.status };
      requests.inc(labels);
      duration.observe(labels, (performance.now() - started) / 1000);
      return response;
    } finally {
      inFlight.dec();
    }
  };
}

/**
 * `/api/v1/tokens/ci` with `{name: "ci"}` is `/api/v1/tokens/[name]`, so the label stays one per
 * route. Params are matched from the end, where dynamic segments sit.
 */
export function routePattern(pathname: string, params: Record<string, string | string[]>): string {
  const segments = pathname.split("/");
  let end = segments.length;
  for (const [name, value] of Object.entries(params).reverse()) {
    if (typeof value !== "string") continue;
    const at = segments.findLastIndex((s, i) => i < end && decoded(s) === value);
    if (at < 0) continue;
    segments[at] = `[${name}]`;
    end = at;
  }
  return segments.join("/");
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
