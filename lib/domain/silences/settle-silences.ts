import { sql } from "drizzle-orm";
import { z } from "zod";
import { silences } from "@/drizzle/schema";
import { alertChanged } from "../alerts/alert-view";
import { defineMutation } from "../mutation";
import { applySilences } from "./apply-silences";
import { silenceChanged } from "./silence-view";

/**
 * Applies silences that started or ended by the clock since last time. Run by the alerts job as
 * the system; only the passing of time changes anything, so it is not audited.
 */
export const settleSilences = defineMutation({
  action: "silence.settle",
  permit: "system",
  input: z.object({}),
  target: () => null,
  async run(tx) {
    const due = await tx.execute(sql`
      update ${silences} s set
        applied_at = coalesce(s.applied_at, case when s.starts_at <= now() then now() end),
        lifted_at = coalesce(s.lifted_at, case when s.ends_at <= now() then now() end)
      where s.id in (
        select id from ${silences}
        where (applied_at is null and starts_at <= now()) or (lifted_at is null and ends_at <= now())
        for update skip locked)
      returning s.id`);
    if (due.length === 0) return { result: 0, audit: null, events: [] };
    const changed = await applySilences(tx);
    return { result: changed.length, audit: null, events: [...due.map((r) => silenceChanged(r.id as number)), ...alertChanged(changed)] };
  },
});
