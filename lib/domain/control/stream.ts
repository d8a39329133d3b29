import { z } from "zod";
import { db } from "@/lib/db/client";
import { tokenHash } from "@/lib/auth/tokens";
import type { LiveEvent } from "@/lib/live/events";
import { drainSignal, refuseWhileDraining, retryHint } from "@/lib/live/draining";
import { ANY_ID, subscribe } from "@/lib/live/listener";
import { processSingleton } from "@/lib/process-singleton";
import { liveTokenHashes } from "../access/live-token-hashes";
import { readVersion } from "../config/read-version";
import type { Ctx } from "../context";
import { ValidationError } from "../errors";
import { checkPermit } from "../mutation";
import { issuesOf } from "../validation";
import { controlStateAt } from "./cached-document";
import { controlRevision, documentFor, type ControlDocument, type ControlState } from "./document";

export const MAX_CONFIG_EVENT_BYTES = 256 * 1024;
/**
 * Bytes a stream may hold that its reader has not taken. Past it the reader is not reading: its
 * stream is cut rather than buffered for without bound, and it resumes from its last revision.
 */
export const MAX_UNREAD_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 15_000;
const HELLO = Buffer.from("retry: 1000\n\n");
const KEEPALIVE = Buffer.from(": keepalive\n\n");

export const CONTROL_STREAM_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" };

/** Where one stream's bytes go: the lane's node response, or the web stream of the console's route. */
export interface ControlSink {
  /** Sends a chunk; false once more than `MAX_UNREAD_BYTES` wait for the reader. */
  write(chunk: Uint8Array): boolean;
  /** Ends the stream after what was sent. */
  end(): void;
  /** Cuts the stream, dropping what the reader has not taken. */
  destroy(): void;
}

export interface ControlStreamRequest {
  instance: string | null;
  environment: string | null;
  lastEventId: string | null;
  /** The bearer token the stream is opened with, checked again at every keepalive and on every token change. */
  bearer: string | null;
  signal: AbortSignal;
}

const query = z.object({ instance: z.string().min(1).max(200), environment: z.string().min(1).max(100).default("production") });

interface Instance {
  name: string;
  environment: string;
  sentRevision: number | null;
  sentConfig: number;
  tokenHash: string | null;
  sink: ControlSink;
}

interface Hub {
  service: string;
  instances: Set<Instance>;
  reading: boolean;
  readAgain: boolean;
}

// One hub per service per process, and one keepalive timer for them all.
function hubs(): Map<string, Hub> {
  return processSingleton("controlHubs", () => {
    const created = new Map<string, Hub>();
    subscribe((events) => {
      if (events.some(({ topic }) => topic === "token")) void closeRevoked(created);
      for (const name of concerned(events, created)) void refresh(name);
    });
    setInterval(() => {
      for (const hub of created.values()) for (const instance of hub.instances) send(hub, instance, KEEPALIVE);
      void closeRevoked(created);
    }, KEEPALIVE_MS).unref();
    drainSignal().addEventListener(
      "abort",
      () => {
        for (const hub of created.values()) for (const instance of hub.instances) if (send(hub, instance, Buffer.from(retryHint()))) leave(hub, instance);
      },
      { once: true },
    );
    return created;
  });
}

/**
 * The control stream of one instance: Server-Sent Events of its service's control document and
 * of its environment's config. However many instances listen, a change costs one read of the
 * document (and of a new config body) per process, one encoding per variant of the document, then
 * one write per instance, all in one turn of the event loop. The caller's checks are made before
 * `open` is called to start the answer. A stopping process refuses new streams and closes its open
 * ones with a retry hint; the instance reconnects to another process with its last revision and
 * gets only what changed since. A stream whose token is revoked ends at the next keepalive, or as
 * soon as the revocation's event arrives.
 */
export async function openControlStream(ctx: Ctx, service: string, request: ControlStreamRequest, open: () => ControlSink): Promise<void> {
  refuseWhileDraining();
  await checkPermit(db(), ctx, { action: "read", permit: "service" }, { target: `control:${service}`, service });
  const parsed = query.safeParse({ instance: request.instance ?? undefined, environment: request.environment ?? undefined });
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  const lastSeen = request.lastEventId !== null && /^\d+$/.test(request.lastEventId) ? Number(request.lastEventId) : null;
  const sink = open();
  if (request.signal.aborted) return sink.end();
  const instance: Instance = {
    name: parsed.data.instance,
    environment: parsed.data.environment,
    sentRevision: lastSeen,
    sentConfig: 0,
    tokenHash: request.bearer === null ? null : tokenHash(request.bearer),
    sink,
  };
  const hub = hubOf(service);
  hub.instances.add(instance);
  request.signal.addEventListener("abort", () => leave(hub, instance), { once: true });
  if (send(hub, instance, HELLO)) void refresh(service);
}

function hubOf(service: string): Hub {
  let hub = hubs().get(service);
  if (!hub) hubs().set(service, (hub = { service, instances: new Set(), reading: false, readAgain: false }));
  return hub;
}

/** Sends a chunk, or cuts the stream of a reader that stopped taking them; true if the stream is still open. */
function send(hub: Hub, instance: Instance, chunk: Uint8Array): boolean {
  if (instance.sink.write(chunk)) return true;
  leave(hub, instance, "cut");
  return false;
}

function leave(hub: Hub, instance: Instance, how: "end" | "cut" = "end"): void {
  if (!hub.instances.delete(instance)) return;
  if (hub.instances.size === 0 && hubs().get(hub.service) === hub) hubs().delete(hub.service);
  if (how === "cut") instance.sink.destroy();
  else instance.sink.end();
}

function concerned(events: LiveEvent[], hubs: Map<string, Hub>): Set<string> {
  const out = new Set<string>();
  for (const { id } of events) {
    if (id === ANY_ID) return new Set(hubs.keys());
    const service = id.split("/")[0] ?? id;
    if (hubs.has(service)) out.add(service);
  }
  return out;
}

// One query for every stream of the process, however many are open.
async function closeRevoked(open: Map<string, Hub>): Promise<void> {
  const hashes = new Set<string>();
  for (const hub of open.values()) for (const { tokenHash } of hub.instances) if (tokenHash !== null) hashes.add(tokenHash);
  if (hashes.size === 0) return;
  try {
    const live = new Set(await liveTokenHashes(db(), [...hashes]));
    for (const hub of [...open.values()]) for (const instance of hub.instances) if (instance.tokenHash !== null && !live.has(instance.tokenHash)) leave(hub, instance);
  } catch {
    // The database away: the next keepalive checks again.
  }
}

/**
 * Reads the document once and sends each instance what it has not had yet, its own config version
 * included: a rollout's step that newly covers an instance pushes it the new body. Reads that pile
 * up collapse into one more.
 */
async function refresh(service: string): Promise<void> {
  const hub = hubs().get(service);
  if (!hub) return;
  if (hub.reading) {
    hub.readAgain = true;
    return;
  }
  hub.reading = true;
  try {
    do {
      hub.readAgain = false;
      const state = await controlStateAt(db(), service, await controlRevision(db(), service));
      deliver(hub, state, await configEvents(service, hub, state));
    } while (hub.readAgain);
  } catch (error) {
    console.error(`Reading the control document of ${service} for its stream failed:`, error);
  } finally {
    hub.reading = false;
  }
}

/** The config version an instance is due, if it has not had it yet. */
function dueConfig(state: ControlState, instance: Instance): { key: string; environment: string; version: number } | null {
  const version = documentFor(state, instance.name).config[instance.environment]?.version ?? 0;
  if (version === 0 || version === instance.sentConfig) return null;
  return { key: `${instance.environment}@${version}`, environment: instance.environment, version };
}

/** The config events some instance is due, each read and encoded once; null for one that could not be read. */
async function configEvents(service: string, hub: Hub, state: ControlState): Promise<Map<string, Uint8Array | null>> {
  const due = new Map<string, { environment: string; version: number }>();
  for (const instance of hub.instances) {
    const config = dueConfig(state, instance);
    if (config) due.set(config.key, config);
  }
  const read = await Promise.all([...due].map(async ([key, { environment, version }]) => [key, await configEvent(service, environment, version)] as const));
  return new Map(read);
}

// Synchronous, so a change reaches every instance before the first of them can answer with a report.
function deliver(hub: Hub, state: ControlState, configs: Map<string, Uint8Array | null>): void {
  const controlEvents = new Map<ControlDocument, Uint8Array>();
  for (const instance of hub.instances) {
    const document = documentFor(state, instance.name);
    if (instance.sentRevision !== document.revision) {
      let event = controlEvents.get(document);
      if (!event) controlEvents.set(document, (event = Buffer.from(`event: control\nid: ${document.revision}\ndata: ${JSON.stringify(document)}\n\n`)));
      instance.sentRevision = document.revision;
      if (!send(hub, instance, event)) continue;
    }
    const config = dueConfig(state, instance);
    // A version not read belongs to an instance that joined during the read; its own refresh follows.
    const event = config && configs.get(config.key);
    if (!config || !event) continue;
    instance.sentConfig = config.version;
    send(hub, instance, event);
  }
}

async function configEvent(service: string, environment: string, version: number): Promise<Uint8Array | null> {
  try {
    const { body } = await readVersion(db(), service, environment, version);
    const full = JSON.stringify({ environment, version, body });
    const data = Buffer.byteLength(full) > MAX_CONFIG_EVENT_BYTES ? JSON.stringify({ environment, version, tooLarge: true }) : full;
    return Buffer.from(`event: config\ndata: ${data}\n\n`);
  } catch (error) {
    console.error(`Reading config ${service}/${environment} v${version} for its stream failed:`, error);
    return null;
  }
}
