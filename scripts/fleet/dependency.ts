import type { DependencySpec } from "./catalog";
import { latencySample } from "./random";
import type { Conditions } from "./scenario";

/** A call to a dependency that is not there: it takes as long and fails as often as the script says right now. */
export function simulatedDependency(spec: DependencySpec, conditionsNow: () => Conditions, random: () => number): () => Promise<string> {
  return () => {
    const conditions = conditionsNow();
    const latency = latencySample(spec.medianLatencyMs * conditions.latencyFactor, random);
    const fails = random() < conditions.failureRate;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (fails ? reject(new Error(`${spec.name} is ${conditions.weather}`)) : resolve("ok")), latency);
      // A call opossum has already timed out must not keep the fleet alive at shutdown.
      timer.unref();
    });
  };
}
