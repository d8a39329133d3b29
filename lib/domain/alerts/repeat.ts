import { sql } from "drizzle-orm";
import { z } from "zod";
import { alerts, type AlertPolicy } from "@/drizzle/schema";
import { defineMutation } from "../mutation";
import { alertChanged } from "./alert-view";
import { queueRepeats } from "./notifications";

/**
 * Reminds the channels of alerts still firing unacknowledged and unchanged after their route's
 * repeat interval. Telemetry-driven housekeeping run by the alerts job: not audited. `skip locked`
 * lets several processes share the work without sending a reminder twice.
 */
export const repeatNotifications = defineMutation({
  action: "alert.repeat",
  permit: "system",
  input: z.object({ limit: z.number().int().positive().default(100) }),
  target: () => null,
  async run(tx, { limit }) {
    const due = await tx.execute<{ id: string; cycle: number; repeats: number; policy: AlertPolicy }>(sql`
      update ${alerts} a
      set repeats = a.repeats + 1, repeat_at = now() + make_interval(secs => (a.policy->>'repeatIntervalSeconds')::int)
      where a.id in (
        select id from ${alerts}
        where state = 'firing' and cardinality(silenced_by) = 0 and repeat_at <= now()
        order by repeat_at limit ${limit} for update skip locked)
      returning a.id, a.cycle, a.repeats, a.policy`);
    const targets = due.map((r) => ({ ...r, id: Number(r.id) }));
    await queueRepeats(tx, targets);
    return { result: targets.length, audit: null, events: alertChanged(targets.map((t) => t.id)) };
  },
});
