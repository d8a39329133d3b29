import { severityOf } from "../alerts/severity";
import type { Labels } from "./matchers";

/**
 * Routes see an alert's labels as they came plus its level under a reserved name, so a route can
 * take every critical alert whether its `severity` label says `critical`, `page` or `FATAL`.
 * Names starting with `__` are Prometheus's reserved ones, which no alert carries.
 */
export const LEVEL_LABEL = "__severity__";

export function routingLabels(labels: Labels): Labels {
  return { ...labels, [LEVEL_LABEL]: severityOf(labels) };
}
