import { collectDefaultMetrics, Registry, type Metric } from "prom-client";
import { processSingleton } from "@/lib/process-singleton";

/** The console's own metrics, with Node's process metrics; one per process, since registering a metric name twice throws. */
export function registry(): Registry {
  return processSingleton("metrics", () => {
    const created = new Registry();
    collectDefaultMetrics({ register: created });
    // Gauges named like counters, which Prometheus's naming rules (promtool) refuse; the same
    // counts remain, by type, in nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
    for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) {
      created.removeSingleMetric(name);
    }
    return created;
  });
}

/** The metric called `name`, created by `create` on first use in the process and shared after. */
export function metric<M extends Metric>(name: string, create: (config: { name: string; registers: Registry[] }) => M): M {
  return (registry().getSingleMetric(name) as M | undefined) ?? create({ name, registers: [registry()] });
}
