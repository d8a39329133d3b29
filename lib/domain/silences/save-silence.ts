import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { silences } from "@/drizzle/schema";
import { alertChanged } from "../alerts/alert-view";
import { actorName } from "../context";
import { NotFound, Unprocessable } from "../errors";
import { defineMutation } from "../mutation";
import { applySilences } from "./apply-silences";
import { matchesEveryAlert } from "./matches-everything";
import { createSilenceInput, silenceId } from "./silence-input";
import { silenceChanged, silenceView } from "./silence-view";

export const createSilence = defineMutation({
  action: "silence.create",
  permit: "responder",
  input: createSilenceInput,
  target: () => null,
  async run(tx, input, ctx) {
    if (matchesEveryAlert(input.matchers)) {
      throw new Unprocessable("This silence would match every alert; add a matcher that narrows it.", [
        { path: "matchers", message: "at least one matcher must require a label value" },
      ]);
    }
    const later = input.startsAt && input.startsAt.getTime() > Date.now() ? input.startsAt : null;
    const [row] = await tx
      .insert(silences)
      .values({
        matchers: input.matchers,
        startsAt: later ?? sql`now()`,
        endsAt: input.endsAt,
        comment: input.comment,
        createdBy: actorName(ctx.actor),
        appliedAt: later ? null : sql`now()`,
      })
      .returning();
    const changed = later ? [] : await applySilences(tx);
    const view = silenceView(row!, changed.length);
    return { result: view, audit: { target: `silence:${row!.id}`, after: view, reason: input.comment }, events: [silenceChanged(row!.id), ...alertChanged(changed)] };
  },
});

/** Ends a silence now; the alerts it covered notify again if nothing else silences them. Expiring twice is harmless. */
export const expireSilence = defineMutation({
  action: "silence.expire",
  permit: "responder",
  input: z.object({ id: silenceId }),
  target: (i) => `silence:${i.id}`,
  async run(tx, { id }, ctx) {
    const [row] = await tx
      .update(silences)
      .set({
        startsAt: sql`least(${silences.startsAt}, now())`,
        endsAt: sql`now()`,
        expiredBy: actorName(ctx.actor),
        appliedAt: sql`coalesce(${silences.appliedAt}, now())`,
        liftedAt: sql`now()`,
      })
      .where(sql`${silences.id} = ${id} and ${silences.endsAt} > now()`)
      .returning();
    if (!row) {
      const [expired] = await tx.select().from(silences).where(eq(silences.id, id));
      if (!expired) throw new NotFound(`The silence ${id}`);
      return { result: silenceView(expired), audit: null, events: [] };
    }
    const changed = await applySilences(tx);
    return { result: silenceView(row), audit: { after: { endsAt: row.endsAt, expiredBy: row.expiredBy } }, events: [silenceChanged(row.id), ...alertChanged(changed)] };
  },
});
