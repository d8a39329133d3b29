import { desc } from "drizzle-orm";
import { routingVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { defaultTree } from "./default-tree";
import type { RoutingTree } from "./tree";

export interface Routing {
  /** 0 for the default tree, which is in force until an admin publishes one. */
  version: number;
  tree: RoutingTree;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The tree in force: the latest published version, stored as validated (defaults filled in). */
export async function currentRouting(db: Db): Promise<Routing> {
  const [row] = await db.select().from(routingVersions).orderBy(desc(routingVersions.version)).limit(1);
  if (!row) return { version: 0, tree: defaultTree, updatedBy: null, updatedAt: null };
  return { version: row.version, tree: row.tree as unknown as RoutingTree, updatedBy: row.createdBy, updatedAt: row.createdAt };
}
