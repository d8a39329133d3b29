import { sql } from "drizzle-orm";
import { z } from "zod";
import { alertGroups, alerts } from "@/drizzle/schema";
import { defineMutation } from "../mutation";

/**
 * Forgets groups none of whose alerts is open any more that resolving left behind (a group created
 * by an alert whose insert lost a race). Young groups are kept: their first alert may still be
 * committing.
 */
export const pruneGroups = defineMutation({
  action: "alert.groups.prune",
  permit: "system",
  input: z.object({}),
  target: () => null,
  async run(tx) {
    const pruned = await tx.execute(sql`
      delete from ${alertGroups} g
      where g.created_at < now() - interval '1 minute'
        and not exists (select 1 from ${alerts} o where o.state <> 'resolved' and o.group_keys @> array[g.key])
      returning g.key`);
    return { result: pruned.length, audit: null, events: [] };
  },
});
