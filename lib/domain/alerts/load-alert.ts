import { eq, inArray, sql } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { NotFound } from "../errors";
import type { AlertRow } from "./alert-view";
import { listParam } from "./list-param";

export async function loadAlert(db: Db, id: number): Promise<AlertRow> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  if (!row) throw new NotFound(`The alert ${id}`);
  return row;
}

/** Locks the alerts in id order, so concurrent changes of overlapping sets cannot deadlock. */
export async function lockAlerts(tx: Db, ids: number[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(alerts)
    .where(sql`${alerts.id} in ${listParam(ids, "bigint")}`)
    .orderBy(alerts.id)
    .for("update");
}

export async function loadAlerts(db: Db, ids: number[]): Promise<Map<number, AlertRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(alerts).where(inArray(alerts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
