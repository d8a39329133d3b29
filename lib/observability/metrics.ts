import { registry } from "./registry";
// Each of these registers its metrics when first imported.
import "./http-metrics";
import "./database-metrics";
import "./stream-metrics";
import "./fleet-metrics";

/** The Prometheus text exposition of every console metric. */
export async function exposition(): Promise<{ body: string; contentType: string }> {
  const r = registry();
  return { body: await r.metrics(), contentType: r.contentType };
}
