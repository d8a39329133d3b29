import CircuitBreaker from "opossum";
import { createBreakwaterClient, watchOpossum } from "@/lib/sdk";
import type { DependencySpec, ServiceSpec } from "./catalog";
import { simulatedDependency } from "./dependency";
import { seededRandom } from "./random";
import { scenario } from "./scenario";
import { automaticMode, healthOf } from "./self-assessment";
import { queuesWork, trafficShare } from "./traffic";

export interface InstanceOptions {
  url: string;
  token: string;
  service: ServiceSpec;
  index: number;
  startedAt: number;
  log: (line: string) => void;
  onError: (error: unknown) => void;
}

const tickMs = 250;
const assessEveryTicks = 4;
const maxQueueWhenConstrained = 200;

interface Dependency {
  spec: DependencySpec;
  /** The spec's rate until the service's config sets another. */
  callsPerSecond: number;
  /** The connection pool the config gives it; 0 leaves no connection, and every call fails. */
  pool: number | null;
  breaker: CircuitBreaker;
  queues: boolean;
  credit: number;
}

/** An instance's name, the same on every start: the first draw of the generator seeded by its service and index. */
export function instanceId(service: ServiceSpec, random: () => number): string {
  return `${service.name}-${Math.floor(random() * 0x10000).toString(16).padStart(4, "0")}`;
}

/**
 * One simulated instance: real opossum breakers in front of scripted dependencies, a few calls a
 * second each, a mode chosen from its own health unless the console says otherwise, and a local
 * queue that fills while it runs `local_queue` and drains once the way is clear.
 */
export function startInstance(options: InstanceOptions): { id: string; stop(): void } {
  const { service } = options;
  const random = seededRandom(`${service.name}#${options.index}`);
  const id = instanceId(service, random);
  // Instances meet the same outage a few seconds apart, as a real fleet does.
  const skewMs = Math.floor(random() * 8_000);
  const client = createBreakwaterClient({
    url: options.url,
    token: options.token,
    service: service.name,
    instance: id,
    environment: "production",
    ...(service.modes ? { modes: service.modes } : {}),
    onError: options.onError,
  });

  const dependencies: Dependency[] = service.dependencies.map((spec) => {
    const weather = scenario(spec.script, `${service.name}/${spec.name}`);
    const call = simulatedDependency(spec, () => weather(Date.now() - options.startedAt + skewMs), random);
    const action = () => (dependency.pool === 0 ? Promise.reject(new Error(`${spec.name} has no connection in its pool`)) : call());
    const breaker = new CircuitBreaker(action, {
      name: spec.name,
      timeout: spec.timeoutMs,
      resetTimeout: spec.resetTimeoutMs,
      errorThresholdPercentage: 50,
      volumeThreshold: 5,
      rollingCountTimeout: 10_000,
    });
    if (spec.fallback) breaker.fallback(() => "fallback");
    watchOpossum(client, breaker);
    const dependency: Dependency = { spec, callsPerSecond: spec.callsPerSecond, pool: null, breaker, queues: queuesWork(service, spec), credit: random() };
    return dependency;
  });

  let queueDepth = 0;
  const drain = (dependency: Dependency, count: number) => {
    for (let i = 0; i < count && queueDepth > 0; i++) {
      queueDepth -= 1;
      dependency.breaker.fire().catch(() => (queueDepth += 1));
    }
  };

  const step = (mode: string) => {
    for (const dependency of dependencies) {
      const { breaker } = dependency;
      dependency.credit += (dependency.callsPerSecond * tickMs * trafficShare(mode, dependency.spec)) / 1_000;
      for (; dependency.credit >= 1; dependency.credit -= 1) {
        if (mode === "local_queue" && dependency.queues) queueDepth += 1;
        else breaker.fire().catch(() => {});
      }
      if (!dependency.queues) continue;
      // While queueing, one queued item probes a half-open breaker, or it would never close again.
      if (mode !== "local_queue" && breaker.closed) drain(dependency, 2);
      else if (breaker.halfOpen) drain(dependency, 1);
    }
    if (mode === "memory_constrained") queueDepth = Math.min(queueDepth, maxQueueWhenConstrained);
  };

  const assess = () => {
    const health = dependencies.map(({ spec, breaker }) => {
      const stats = breaker.stats;
      const ran = stats.successes + stats.failures;
      const state = breaker.halfOpen ? ("half_open" as const) : breaker.opened ? ("open" as const) : ("closed" as const);
      return { name: spec.name, critical: spec.critical, queueable: spec.queueable === true, state, failureRate: ran === 0 ? 0 : stats.failures / ran };
    });
    client.setAutomaticMode(automaticMode(health, queueDepth, client.modes()));
    const { status, checks } = healthOf(health, client.currentMode());
    client.setHealth(status, checks);
    client.setQueueDepth(queueDepth);
  };

  let steered = false;
  client.onModeChange((mode, change) => {
    if (change.source === "manual") options.log(`${id} runs ${mode} as ${change.setBy ?? "the console"} asked: ${change.reason ?? "no reason given"}`);
    else if (steered) options.log(`${id} chooses its own mode again: ${mode}`);
    steered = change.source === "manual";
  });
  client.onOverride((breaker, override, entry) => {
    options.log(`${id} holds ${breaker} ${override === "none" ? "under its own rules again" : override}${entry.reason ? `: ${entry.reason}` : ""}`);
  });
  client.onConfigChange((config, version) => {
    const settings = (config.dependencies ?? {}) as Record<string, { callsPerSecond?: unknown; pool?: unknown }>;
    for (const dependency of dependencies) {
      const { callsPerSecond: rate, pool } = settings[dependency.spec.name] ?? {};
      dependency.callsPerSecond = typeof rate === "number" && rate >= 0 ? rate : dependency.spec.callsPerSecond;
      dependency.pool = typeof pool === "number" && pool >= 0 ? pool : null;
    }
    if (version > 1) options.log(`${id} applies config version ${version}`);
  });

  let ticks = 0;
  const timer = setInterval(() => {
    step(client.currentMode());
    if (++ticks % assessEveryTicks === 0) assess();
  }, tickMs);
  assess();

  return {
    id,
    stop() {
      clearInterval(timer);
      client.close();
      for (const { breaker } of dependencies) breaker.shutdown();
    },
  };
}
