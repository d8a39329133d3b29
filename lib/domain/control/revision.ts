import { eq, sql } from "drizzle-orm";
import { modeOverrides, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { Conflict, NotFound } from "../errors";
import { controlDocument } from "./document";

export interface LockedControl {
  revision: number;
  modes: string[] | null;
  automaticMode: string;
  manual: typeof modeOverrides.$inferSelect | null;
}

/**
 * Locks a service's control state until the transaction ends, so control changes apply one after
 * another and none is lost. A stale `expectedRevision` is refused with the current document.
 */
export async function lockControl(tx: Db, service: string, expectedRevision?: number): Promise<LockedControl> {
  const [row] = await tx
    .select({ revision: services.revision, modes: services.modes, automaticMode: services.automaticMode, manual: modeOverrides })
    .from(services)
    .leftJoin(modeOverrides, eq(modeOverrides.service, services.name))
    .where(eq(services.name, service))
    // Not FOR UPDATE: that would also hold up reports inserting a new instance, whose foreign key
    // check takes a key-share lock on this row.
    .for("no key update", { of: services });
  if (!row) throw new NotFound(`The service ${service}`);
  if (expectedRevision !== undefined && expectedRevision !== row.revision) {
    throw new Conflict(`The control state of ${service} changed meanwhile (revision ${row.revision}, expected ${expectedRevision}).`, {
      current: await controlDocument(tx, service),
    });
  }
  return row;
}

/** Marks the control document changed; call it under `lockControl`. */
export async function bumpRevision(tx: Db, service: string): Promise<void> {
  await tx
    .update(services)
    .set({ revision: sql`${services.revision} + 1`, revisionAt: sql`now()` })
    .where(eq(services.name, service));
}
