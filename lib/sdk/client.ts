import { createConfigFollower, type AppliedConfig } from "./config-follower";
import { effectiveControl, overrideChanges, parseControl, type EffectiveControl } from "./control";
import { pollControl } from "./control-poller";
import { createEventOutbox } from "./event-outbox";
import { call, type Transport } from "./http";
import { createReporter } from "./reporter";
import { defaultModes } from "./types";
import type { BreakerEventName, BreakerSnapshot, ControlDocument, ControlOverride, HealthStatus, Override, Report } from "./types";

export interface BreakwaterClientOptions {
  /** The console's base URL, e.g. `https://breakwater.internal`. */
  url: string;
  /** A service token scoped to this service or to `*`. */
  token: string;
  service: string;
  instance: string;
  environment: string;
  reportIntervalMs?: number;
  /** The degradation modes this service knows, mildest first. */
  modes?: readonly string[];
  fetch?: typeof fetch;
  /** How long the console may hold a control request open (seconds, at most 60). */
  controlWaitSeconds?: number;
  onError?: (error: unknown, during: Activity) => void;
}

type Activity = "report" | "control" | "config" | "events" | "listener";

export interface ModeChange {
  mode: string;
  previous: string;
  source: "manual" | "automatic";
  reason: string | null;
  setBy: string | null;
  expiresAt: string | null;
}

/** What a breaker adapter gives the client: its name and its state at report time. */
export interface BreakerSource {
  name: string;
  snapshot(): BreakerSnapshot;
}

export interface BreakwaterClient {
  readonly service: string;
  readonly instance: string;
  /** The mode to run now: the console's manual choice while one holds, else this instance's own. */
  currentMode(): string;
  automaticMode(): string;
  modes(): readonly string[];
  setAutomaticMode(mode: string): void;
  onModeChange(fn: (mode: string, change: ModeChange) => void): () => void;
  onOverride(fn: (breaker: string, override: Override, entry: ControlOverride) => void): () => void;
  onControl(fn: (doc: ControlDocument) => void): () => void;
  overrideOf(breaker: string): ControlOverride;
  control(): ControlDocument | null;
  setHealth(status: HealthStatus, checks?: Record<string, string>): void;
  setQueueDepth(depth: number): void;
  /** The config body of this instance's environment as last applied; null until the first one arrives. */
  config<T extends Record<string, unknown> = Record<string, unknown>>(): T | null;
  /** The config version applied, which reports carry as `configVersion`; null before the first. */
  configVersion(): number | null;
  /** Called with each newly applied config, after the client holds it and before it reports it. */
  onConfigChange(fn: (config: Record<string, unknown>, version: number) => void): () => void;
  addBreaker(source: BreakerSource): () => void;
  recordBreakerEvent(breaker: string, event: BreakerEventName, at?: Date): void;
  /** Reports now; resolves once the console has the report, rejects if it could not be sent. */
  report(): Promise<void>;
  /** Stops every timer and aborts the requests in flight. */
  close(): void;
}

const noOverride: ControlOverride = { override: "none", reason: null, expiresAt: null };
// setTimeout overflows past 2^31 ms; far expiries are simply re-evaluated hourly.
const maxTimerMs = 3_600_000;

export function createBreakwaterClient(options: BreakwaterClientOptions): BreakwaterClient {
  const { service, instance, environment } = options;
  const interval = options.reportIntervalMs ?? 5_000;
  const declared = [...(options.modes ?? defaultModes)];
  if (declared.length === 0) throw new TypeError("modes must name at least one mode");
  const aborter = new AbortController();
  const transport: Transport = { url: options.url, token: options.token, fetch: options.fetch ?? fetch, closed: aborter.signal };
  const fail = (during: Activity) => (error: unknown) => options.onError?.(error, during);

  let automatic = declared[0]!;
  let health: Report["health"] = { status: "healthy", checks: {} };
  let queueDepth: number | undefined;
  const breakers = new Map<string, BreakerSource>();
  const modeListeners = new Set<(mode: string, change: ModeChange) => void>();
  const overrideListeners = new Set<(breaker: string, override: Override, entry: ControlOverride) => void>();
  const controlListeners = new Set<(doc: ControlDocument) => void>();
  const configListeners = new Set<(config: Record<string, unknown>, version: number) => void>();

  let doc: ControlDocument | null = null;
  let effective: EffectiveControl = effectiveControl(null, Date.now());
  let lastMode = automatic;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;

  const emit = <A extends unknown[]>(listeners: Set<(...args: A) => void>, ...args: A) => {
    for (const fn of listeners) {
      try {
        fn(...args);
      } catch (error) {
        fail("listener")(error);
      }
    }
  };

  const currentMode = () => effective.manualMode?.desired ?? automatic;

  const settleMode = () => {
    const mode = currentMode();
    if (mode === lastMode) return;
    const manual = effective.manualMode;
    const change: ModeChange = {
      mode,
      previous: lastMode,
      source: manual ? "manual" : "automatic",
      reason: manual?.reason ?? null,
      setBy: manual?.setBy ?? null,
      expiresAt: manual?.expiresAt ?? null,
    };
    lastMode = mode;
    emit(modeListeners, mode, change);
    reporter.soon();
  };

  const reevaluate = () => {
    if (aborter.signal.aborted) return;
    const next = effectiveControl(doc, Date.now());
    const changes = overrideChanges(effective.overrides, next.overrides);
    effective = next;
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = next.nextExpiry === null ? null : setTimeout(reevaluate, Math.min(maxTimerMs, Math.max(0, next.nextExpiry - Date.now()) + 5));
    for (const { breaker, entry } of changes) emit(overrideListeners, breaker, entry.override, entry);
    settleMode();
    if (changes.length > 0) reporter.soon();
  };

  /** The long-poll's answer is the newest by construction; a report's answer may have been overtaken by it. */
  const applyDocument = (body: unknown, fromLongPoll: boolean) => {
    const next = parseControl(body);
    if (!next || next.service !== service) return;
    if (!fromLongPoll && doc && next.revision < doc.revision) return;
    const changed = JSON.stringify(next) !== JSON.stringify(doc);
    doc = next;
    if (!changed) return;
    emit(controlListeners, next);
    const configVersion = next.config[environment]?.version;
    if (configVersion !== undefined) follower.follow(configVersion);
    reevaluate();
  };

  const buildReport = (): Report => {
    const applied = follower.applied();
    const snapshots: BreakerSnapshot[] = [];
    for (const source of breakers.values()) {
      try {
        snapshots.push(source.snapshot());
      } catch (error) {
        fail("report")(error);
      }
    }
    return {
      service,
      instance,
      environment,
      mode: currentMode(),
      automaticMode: automatic,
      modes: declared,
      health,
      ...(queueDepth === undefined ? {} : { queueDepth }),
      ...(applied ? { configVersion: applied.version } : {}),
      ...(doc ? { controlRevision: doc.revision } : {}),
      breakers: snapshots,
    };
  };

  const reporter = createReporter({
    intervalMs: interval,
    async send() {
      const answer = await call(transport, "POST", "/api/v1/report", { body: buildReport(), timeoutMs: 10_000 });
      applyDocument(answer.body, false);
    },
    onError: fail("report"),
  });

  const follower = createConfigFollower({
    transport,
    service,
    environment,
    onApplied: ({ body, version }: AppliedConfig) => {
      emit(configListeners, body, version);
      reporter.soon();
    },
    onError: fail("config"),
  });

  const outbox = createEventOutbox({
    send: async (events) => {
      await call(transport, "POST", "/api/v1/breakers/events", { body: events, timeoutMs: 10_000 });
    },
    onError: fail("events"),
  });

  const subscribe = <F>(listeners: Set<F>, fn: F) => {
    listeners.add(fn);
    return () => void listeners.delete(fn);
  };

  void pollControl({
    transport,
    service,
    instance,
    waitSeconds: Math.min(60, Math.max(1, options.controlWaitSeconds ?? 30)),
    fallbackIntervalMs: interval,
    onDocument: (body) => applyDocument(body, true),
    onError: fail("control"),
  });
  reporter.soon();

  return {
    service,
    instance,
    currentMode,
    automaticMode: () => automatic,
    modes: () => declared,
    setAutomaticMode(mode) {
      if (!declared.includes(mode)) throw new TypeError(`${mode} is not one of the declared modes (${declared.join(", ")})`);
      automatic = mode;
      settleMode();
    },
    onModeChange: (fn) => subscribe(modeListeners, fn),
    onOverride: (fn) => subscribe(overrideListeners, fn),
    onControl: (fn) => subscribe(controlListeners, fn),
    overrideOf: (breaker) => effective.overrides[breaker] ?? noOverride,
    control: () => doc,
    setHealth(status, checks = {}) {
      health = { status, checks: { ...checks } };
    },
    setQueueDepth(depth) {
      queueDepth = Math.max(0, Math.round(depth));
    },
    config: <T extends Record<string, unknown>>() => (follower.applied()?.body ?? null) as T | null,
    configVersion: () => follower.applied()?.version ?? null,
    onConfigChange: (fn) => subscribe(configListeners, fn),
    addBreaker(source) {
      if (breakers.has(source.name)) throw new TypeError(`A breaker named ${source.name} is registered already`);
      breakers.set(source.name, source);
      return () => void (breakers.get(source.name) === source && breakers.delete(source.name));
    },
    recordBreakerEvent(breaker, event, at = new Date()) {
      outbox.push({ service, instance, breaker, event, at: at.toISOString() });
    },
    report: () => reporter.report(),
    close() {
      aborter.abort();
      reporter.close();
      if (expiryTimer) clearTimeout(expiryTimer);
      outbox.close();
    },
  };
}
