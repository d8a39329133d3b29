import { z } from "zod";
import { db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { drainSignal, refuseWhileDraining, retryHint } from "@/lib/live/draining";
import { ANY_ID, subscribe } from "@/lib/live/listener";
import { processSingleton } from "@/lib/process-singleton";
import { readVersion } from "../config/read-version";
import type { Ctx } from "../context";
import { ValidationError } from "../errors";
import { checkPermit } from "../mutation";
import { issuesOf } from "../validation";
import { controlStateAt } from "./cached-document";
import { controlRevision, documentFor, type ControlDocument, type ControlState } from "./document";

export const MAX_CONFIG_EVENT_BYTES = 256 * 1024;
const KEEPALIVE_MS = 15_000;

const query = z.object({ instance: z.string().min(1).max(200), environment: z.string().min(1).max(100).default("production") });

interface Instance {
  name: string;
  environment: string;
  sentRevision: number | null;
  sentConfig: number;
  write(chunk: string): void;
}

interface Hub {
  instances: Set<Instance>;
  reading: boolean;
  readAgain: boolean;
}

// One hub per service per process.
function hubs(): Map<string, Hub> {
  return processSingleton("controlHubs", () => {
    const created = new Map<string, Hub>();
    subscribe((events) => {
      for (const name of concerned(events, created)) void refresh(name);
    });
    return created;
  });
}

/**
 * The control stream of one instance: Server-Sent Events of its service's control document and
 * of its environment's config. However many instances listen, a change costs one read of the
 * document (and of a new config body) per process, then one write per instance. A stopping
 * process refuses new streams and closes its open ones with a retry hint; the instance reconnects
 * to another process with its last revision and gets only what changed since.
 */
export async function openControlStream(
  ctx: Ctx,
  service: string,
  request: { instance: string | null; environment: string | null; lastEventId: string | null; signal: AbortSignal },
): Promise<ReadableStream<Uint8Array>> {
  refuseWhileDraining();
  await checkPermit(db(), ctx, { action: "read", permit: "service" }, { target: `control:${service}`, service });
  const parsed = query.safeParse({ instance: request.instance ?? undefined, environment: request.environment ?? undefined });
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  const lastSeen = request.lastEventId !== null && /^\d+$/.test(request.lastEventId) ? Number(request.lastEventId) : null;
  const encoder = new TextEncoder();
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const instance: Instance = {
        name: parsed.data.instance,
        environment: parsed.data.environment,
        sentRevision: lastSeen,
        sentConfig: 0,
        write: (chunk) => controller.enqueue(encoder.encode(chunk)),
      };
      const hub = hubOf(service);
      hub.instances.add(instance);
      const keepalive = setInterval(() => instance.write(": keepalive\n\n"), KEEPALIVE_MS);
      const drain = () => {
        instance.write(retryHint());
        close();
      };
      close = () => {
        clearInterval(keepalive);
        drainSignal().removeEventListener("abort", drain);
        hub.instances.delete(instance);
        if (hub.instances.size === 0) hubs().delete(service);
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
      };
      request.signal.addEventListener("abort", () => close(), { once: true });
      drainSignal().addEventListener("abort", drain, { once: true });
      instance.write("retry: 1000\n\n");
      void refresh(service);
    },
    cancel: () => close(),
  });
}

function hubOf(service: string): Hub {
  let hub = hubs().get(service);
  if (!hub) hubs().set(service, (hub = { instances: new Set(), reading: false, readAgain: false }));
  return hub;
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
      await deliver(service, hub, state);
    } while (hub.readAgain);
  } catch (error) {
    console.error(`Reading the control document of ${service} for its stream failed:`, error);
  } finally {
    hub.reading = false;
  }
}

async function deliver(service: string, hub: Hub, state: ControlState): Promise<void> {
  const controlEvents = new Map<ControlDocument, string>();
  const configEvents = new Map<string, string | null>();
  for (const instance of hub.instances) {
    const document = documentFor(state, instance.name);
    if (instance.sentRevision !== document.revision) {
      instance.sentRevision = document.revision;
      if (!controlEvents.has(document)) controlEvents.set(document, `event: control\nid: ${document.revision}\ndata: ${JSON.stringify(document)}\n\n`);
      instance.write(controlEvents.get(document)!);
    }
    const version = document.config[instance.environment]?.version ?? 0;
    if (version === 0 || version === instance.sentConfig) continue;
    const key = `${instance.environment}@${version}`;
    if (!configEvents.has(key)) configEvents.set(key, await configEvent(service, instance.environment, version));
    const event = configEvents.get(key);
    if (!event || !hub.instances.has(instance)) continue;
    instance.sentConfig = version;
    instance.write(event);
  }
}

async function configEvent(service: string, environment: string, version: number): Promise<string | null> {
  try {
    const { body } = await readVersion(db(), service, environment, version);
    const full = JSON.stringify({ environment, version, body });
    const data = Buffer.byteLength(full) > MAX_CONFIG_EVENT_BYTES ? JSON.stringify({ environment, version, tooLarge: true }) : full;
    return `event: config\ndata: ${data}\n\n`;
  } catch (error) {
    console.error(`Reading config ${service}/${environment} v${version} for its stream failed:`, error);
    return null;
  }
}
