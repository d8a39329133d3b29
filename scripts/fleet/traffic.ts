import type { DependencySpec, ServiceSpec } from "./catalog";

/** The share of a dependency's usual calls an instance still makes in a mode (degrading means doing less). */
export function trafficShare(mode: string, dependency: DependencySpec): number {
  switch (mode) {
    case "reduced_performance":
      return dependency.critical ? 1 : 0.5;
    case "selective_processing":
      return dependency.critical ? 0.6 : 0;
    case "memory_constrained":
      return 0.5;
    case "emergency":
      return dependency.critical ? 0.25 : 0;
    default:
      return 1;
  }
}

/** Whose work waits in the local queue in `local_queue` mode: the queueable dependencies, else the first critical one. */
export function queuesWork(service: ServiceSpec, dependency: DependencySpec): boolean {
  if (service.dependencies.some((d) => d.queueable)) return dependency.queueable === true;
  return service.dependencies.find((d) => d.critical) === dependency;
}
