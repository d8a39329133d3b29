import { matchesValue, type Matcher } from "../routing/matchers";

// Values an alertname regex must match to count as matching any alertname.
const ALERTNAME_PROBES = ["a", "HighErrorRate", "disk_full", "Watchdog", "X-1.b"];

/**
 * Whether a silence with these matchers would silence every alert. Alertmanager's own rule: at
 * least one matcher must not match the empty string (a missing label). Every alert has an
 * alertname, so an alertname regex matching any name, like `.+`, does not narrow it either.
 */
export function matchesEveryAlert(list: readonly Matcher[]): boolean {
  return list.every((m) => matchesValue(m, "") || (m.label === "alertname" && ALERTNAME_PROBES.every((name) => matchesValue(m, name))));
}
