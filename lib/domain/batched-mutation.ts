import "server-only";
import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { databaseAway } from "@/lib/db/away";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { publish, type LiveEvent } from "@/lib/live/events";
import { appendAuditBatch, type AuditEntry } from "./audit/append";
import type { Ctx } from "./context";
import { Overloaded } from "./errors";
import { admit, asVerb, type Verb, type VerbSpec } from "./mutation";

/** One caller's request inside a batch: its parsed input and its own context (actor, request id). */
export interface Pending<I> {
  input: I;
  ctx: Ctx;
}

export interface BatchChange<O> {
  /** One result per request, in the order of the batch. */
  results: O[];
  /** Audit events of the batch, each with the request it records; targets default to the spec's. */
  audits: { index: number; audit: Omit<AuditEntry, "action" | "outcome"> }[];
  events: LiveEvent[];
}

/**
 * A request the queue expects to answer later than this is refused at once with 503, however few
 * batches wait: when the database stalls, a batch takes seconds, and a count of batches alone would
 * hold every request behind it for as long.
 */
const MAX_QUEUE_WAIT_MS = 500;

export interface BatchBounds {
  /** Requests in one transaction at most. */
  maxBatch: number;
  /** Batches waiting behind the one being written past which a request is refused with 503 at once. */
  maxPendingBatches: number;
  retryAfterSeconds: number;
}

export interface BatchedMutationSpec<S extends z.ZodType, O> extends VerbSpec<S> {
  /** Read when the first request of a database handle arrives. */
  bounds: () => BatchBounds;
  /** Writes every request of the batch with set-based statements in the caller's transaction. */
  run: (tx: Db, batch: Pending<z.output<S>>[]) => Promise<BatchChange<O>>;
}

interface Waiting<I, O> extends Pending<I> {
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * `defineMutation` for what a fleet sends every few seconds: each request is checked and parsed on
 * its own, then joins the batch being gathered (group commit). One batch per database handle is
 * written at a time, in one transaction with its audit events (the chain lock taken once) and one
 * publish of its deduplicated events; every caller gets its answer after the commit. A batch that
 * fails is retried request by request, so one bad request fails only itself, unless the database is away.
 */
export function defineBatchedMutation<S extends z.ZodType, O>(spec: BatchedMutationSpec<S, O>): Verb<O> {
  type I = z.output<S>;
  const queues = new WeakMap<Db, Queue<I, O>>();
  const verb = asVerb(spec, async (ctx, raw, database = defaultDb()) => {
    const input = await admit(database, ctx, spec, raw);
    // A caller's own transaction (a rule firing as it is evaluated) gathers nobody else's requests: written at once, inside it.
    if (is(database, PgTransaction)) return (await commit(database, [{ ctx, input }]))[0]!;
    let queue = queues.get(database);
    if (!queue) {
      queue = new Queue<I, O>(spec.bounds(), (batch) => writeBatch(database, batch));
      queues.set(database, queue);
    }
    return queue.join(ctx, input);
  });

  async function writeBatch(database: Db, batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await commit(database, batch);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      // With the database away every retry would fail the same way, one reconnect wait after another.
      if (batch.length === 1 || databaseAway(error)) return batch.forEach((w) => w.reject(error));
      for (const w of batch) {
        await commit(database, [w]).then(([result]) => w.resolve(result!), w.reject);
      }
    }
  }

  function commit(database: Db, batch: Pending<I>[]): Promise<O[]> {
    return database.transaction(async (tx) => {
      const change = await spec.run(tx, batch);
      const events = new Map(change.events.map((e) => [`${e.topic}:${e.id}`, e]));
      const appended = await appendAuditBatch(
        tx,
        change.audits.map(({ index, audit }) => ({
          ctx: batch[index]!.ctx,
          entry: { ...audit, action: spec.action, target: audit.target ?? spec.target(batch[index]!.input) },
        })),
      );
      for (const { id } of appended) events.set(`audit:${id}`, { topic: "audit", id: String(id) });
      await publish(tx, [...events.values()]);
      return change.results;
    });
  }

  return verb;
}

/**
 * The requests gathering for the next batch, written one batch at a time (classic group commit):
 * with nothing being written a request is written at once, with the others of its turn of the event
 * loop; requests gather only while a batch is in flight, which is when waiting costs nothing.
 */
class Queue<I, O> {
  private gathering: Waiting<I, O>[] = [];
  /** When the batch being written started; null while none is. */
  private writingSince: number | null = null;
  private scheduled = false;
  /** How long a batch has recently taken to write, averaged over the last few. */
  private batchMs = 0;

  constructor(
    private readonly bounds: BatchBounds,
    private readonly write: (batch: Waiting<I, O>[]) => Promise<void>,
  ) {}

  join(ctx: Ctx, input: I): Promise<O> {
    if (this.gathering.length >= this.bounds.maxBatch * this.bounds.maxPendingBatches || this.expectedWaitMs() > MAX_QUEUE_WAIT_MS) {
      throw new Overloaded(this.bounds.retryAfterSeconds);
    }
    return new Promise<O>((resolve, reject) => {
      this.gathering.push({ ctx, input, resolve, reject });
      if (this.writingSince !== null) return;
      if (this.gathering.length >= this.bounds.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // Requests whose bytes arrived in the same turn (or callers in one tick) go together, at no wait.
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * How long a request joining now would wait before its own batch is written: the rest of the
   * batch being written (at least as long again as it has taken so far, when the database has
   * stalled), then the full batches gathered ahead of it. With nothing ahead it waits for nothing,
   * so a queue whose last batches were slow still takes the request that measures it again.
   */
  private expectedWaitMs(): number {
    const current = this.writingSince === null ? 0 : Math.max(this.batchMs, performance.now() - this.writingSince);
    return current + Math.floor(this.gathering.length / this.bounds.maxBatch) * this.batchMs;
  }

  private flush(): void {
    this.scheduled = false;
    if (this.writingSince !== null || this.gathering.length === 0) return;
    const batch = this.gathering.splice(0, this.bounds.maxBatch);
    const started = (this.writingSince = performance.now());
    void this.write(batch).finally(() => {
      const took = performance.now() - started;
      this.batchMs = this.batchMs === 0 ? took : 0.7 * this.batchMs + 0.3 * took;
      this.writingSince = null;
      // What arrived while this batch was written is the next batch: under load, batches grow by themselves.
      this.flush();
    });
  }
}
