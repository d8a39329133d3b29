import { asc, inArray } from "drizzle-orm";
import { channels } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { isFlagged } from "./channel-health";
import { presentConfig } from "./present-config";

export type ChannelRow = typeof channels.$inferSelect;

/** A channel as people see it: secrets masked, and flagged when it keeps failing. */
export function channelView(row: ChannelRow) {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config: presentConfig(row.type, row.config),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    consecutiveFailures: row.consecutiveFailures,
    flagged: isFlagged(row),
    lastError: row.lastError,
    lastFailureAt: row.lastFailureAt,
    lastSuccessAt: row.lastSuccessAt,
  };
}

export type ChannelView = ReturnType<typeof channelView>;

export async function listChannels(db: Db): Promise<ChannelView[]> {
  return (await db.select().from(channels).orderBy(asc(channels.name))).map(channelView);
}

/** Channels with their configs as stored, secrets included: for the delivery worker only. */
export async function channelsForSending(db: Db, ids: string[]): Promise<Map<string, ChannelRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(channels).where(inArray(channels.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
