import { defaultModes, type BreakerState } from "@/lib/sdk";

export interface DependencyHealth {
  critical: boolean;
  queueable: boolean;
  state: BreakerState;
  failureRate: number;
}

const ladder: readonly string[] = defaultModes;
const down = (d: DependencyHealth) => d.state === "open" || d.state === "half_open" || d.state === "forced_open";

/** The mode an instance picks for itself from what its breakers and its queue tell it. */
export function automaticMode(dependencies: DependencyHealth[], queueDepth: number, declared: readonly string[]): string {
  return nearestDeclared(wantedMode(dependencies, queueDepth), declared);
}

function wantedMode(dependencies: DependencyHealth[], queueDepth: number): string {
  if (queueDepth > 400) return "memory_constrained";
  const criticalDown = dependencies.filter((d) => d.critical && down(d));
  if (criticalDown.length >= 2) return "emergency";
  if (criticalDown.length === 1) return criticalDown[0]!.queueable ? "local_queue" : "selective_processing";
  if (dependencies.some((d) => down(d) || d.failureRate > 0.25)) return "reduced_performance";
  return "normal";
}

/** A service with a shorter ladder takes the most severe of its modes that is no harsher than the wanted one. */
function nearestDeclared(wanted: string, declared: readonly string[]): string {
  if (declared.includes(wanted)) return wanted;
  const rank = ladder.indexOf(wanted);
  const milder = declared.filter((m) => ladder.indexOf(m) !== -1 && ladder.indexOf(m) <= rank);
  return milder.sort((a, b) => ladder.indexOf(b) - ladder.indexOf(a))[0] ?? declared[0]!;
}

export function healthOf(dependencies: Array<DependencyHealth & { name: string }>, mode: string) {
  const checks: Record<string, string> = {};
  for (const d of dependencies) {
    checks[d.name] = d.state === "open" ? "unhealthy" : down(d) || d.failureRate > 0.1 ? "degraded" : "healthy";
  }
  const status =
    mode === "emergency" || dependencies.some((d) => d.critical && d.state === "open")
      ? ("unhealthy" as const)
      : Object.values(checks).some((c) => c !== "healthy") || mode !== "normal"
        ? ("degraded" as const)
        : ("healthy" as const);
  return { status, checks };
}
