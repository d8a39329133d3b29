import { createConfigFollower, parseConfig, type AppliedConfig } from "./config-follower";
import { effectiveControl, overrideChanges, parseControl, type EffectiveControl } from "./control";
import { followControl, type ControlPath } from "./control-channel";
import { pollControl } from "./control-poller";
import { createEventOutbox } from "./event-outbox";
import { call, type Transport } from "./http";
import { createReporter } from "./reporter";
import { defaultModes } from "./types";
import type { ConfigEvent } from "./control-stream";
import type { Activity, BreakwaterClient, BreakwaterClientOptions, BreakerSource, ModeChange } from "./client-api";
import type { BreakerEventName, BreakerSnapshot, ControlDocument, ControlOverride, Override, Report } from "./types";

const FIRST_REPORT_WITHIN_MS = 1_000;
const stateChanges: ReadonlySet<BreakerEventName> = new Set(["open", "half_open", "close"]);
const noOverride: ControlOverride = { override: "none", reason: null, expiresAt: null };
// setTimeout overflows past 2^31 ms; far expiries are simply re-evaluated hourly.
const maxTimerMs = 3_600_000;

export function createBreakwaterClient(options: BreakwaterClientOptions): BreakwaterClient {
  const { service, instance, environment } = options;
  const heartbeat = options.heartbeatMs ?? 10_000;
  const declared = [...(options.modes ?? defaultModes)];
  if (declared.length === 0) throw new TypeError("modes must name at least one mode");
  const aborter = new AbortController();
  const transport: Transport = { url: options.url, token: options.token, fetch: options.fetch ?? fetch, closed: aborter.signal };
  const fail = (during: Activity) => (error: unknown) => options.onError?.(error, during);

  let automatic = declared[0]!;
  let health: Report["health"] = { status: "healthy", checks: {} };
  let controlPath: ControlPath | null = null;
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

  /**
   * The stream's and the long-poll's documents are the newest by construction; a report's answer
   * may have been overtaken by them. While the stream is open it brings config bodies itself, so
   * a document naming a new version fetches it only when the stream is not there to.
   */
  const applyDocument = (body: unknown, from: ControlPath | "report") => {
    const next = parseControl(body);
    if (!next || next.service !== service) return;
    if (from === "report" && doc && next.revision < doc.revision) return;
    const changed = JSON.stringify(next) !== JSON.stringify(doc);
    const revised = next.revision !== doc?.revision;
    doc = next;
    if (!changed) return;
    emit(controlListeners, next);
    const configVersion = next.config[environment]?.version;
    if (configVersion !== undefined && controlPath !== "stream") follower.follow(configVersion);
    reevaluate();
    // The report carrying the new revision is the console's proof that this instance applied it.
    if (revised) reporter.soon();
  };

  const applyConfigEvent = (event: ConfigEvent) => {
    if (event.environment !== environment) return;
    if (event.tooLarge) return follower.follow(event.version);
    const config = parseConfig(event);
    if (config) follower.offer(config);
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
    heartbeatMs: heartbeat,
    // The control document usually arrives first, and its revision then rides in the first report,
    // instead of a second report right after it to prove the instance applied it.
    firstWithinMs: FIRST_REPORT_WITHIN_MS,
    async send() {
      const answer = await call(transport, "POST", "/api/v1/report", { body: buildReport(), timeoutMs: 10_000 });
      applyDocument(answer.body, "report");
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

  const waitSeconds = Math.min(60, Math.max(1, options.controlWaitSeconds ?? 30));
  if (options.control === "long-poll") {
    void pollControl({ transport, service, instance, waitSeconds, fallbackIntervalMs: heartbeat, onDocument: (body) => applyDocument(body, "long-poll"), onError: fail("control") });
  } else {
    void followControl({
      transport,
      service,
      instance,
      environment,
      waitSeconds,
      fallbackIntervalMs: heartbeat,
      lastRevision: () => doc?.revision ?? null,
      onDocument: applyDocument,
      onConfig: applyConfigEvent,
      onPath: (path) => (controlPath = path),
      onError: fail("control"),
    });
  }

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
      const next = { status, checks: { ...checks } };
      if (JSON.stringify(next) !== JSON.stringify(health)) reporter.soon();
      health = next;
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
      if (stateChanges.has(event)) reporter.soon();
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
