import { sql } from "drizzle-orm";

/**
 * The proof of delivery a report leaves on its instance's row: the control revision and config
 * version it has applied, each with when it first reported them. First, not last: an instance
 * that reports the same revision every heartbeat keeps the time it got there.
 */
/** For a new instance, inserted from the batch's recordset `r`. */
export const deliveryOnInsert = {
  controlRevisionAt: sql`case when r.control_revision is null then null else now() end`,
  configVersionAt: sql`case when r.config_version is null then null else now() end`,
};

/** The same on a known instance, against its row: a report without `controlRevision` leaves the last one standing. */
export const deliveryOnConflict = {
  controlRevision: sql`coalesce(excluded.control_revision, instances.control_revision)`,
  controlRevisionAt: sql`case when excluded.control_revision is null or excluded.control_revision = instances.control_revision then instances.control_revision_at else now() end`,
  configVersionAt: sql`case when excluded.config_version is not distinct from instances.config_version then instances.config_version_at else now() end`,
};

/** For `returning`: whether this statement recorded a newly applied revision (now() is the transaction's start, so only it set that time). */
export const deliveredNow = sql<boolean>`instances.control_revision_at is not distinct from now()`;
