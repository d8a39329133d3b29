import { desc } from "drizzle-orm";
import { routingVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { RoutingTree } from "./tree";

/** Published versions of the routing tree, newest first, each with who published it. */
export async function listRoutingVersions(db: Db, limit = 50) {
  const rows = await db.select().from(routingVersions).orderBy(desc(routingVersions.version)).limit(limit);
  return { versions: rows.map((r) => ({ version: r.version, tree: r.tree as unknown as RoutingTree, createdBy: r.createdBy, createdAt: r.createdAt })) };
}
