import { eq } from "drizzle-orm";
import { modeChanges, modeOverrides } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName } from "../context";
import { controlDocument } from "../control/document";
import { bumpRevision, lockControl, type LockedControl } from "../control/revision";
import { Unprocessable } from "../errors";
import { defineMutation } from "../mutation";
import { clearModeInput, setModeInput } from "./inputs";
import { desiredMode } from "./desired-mode";
import { declaredModes } from "./ladder";
import { changeEvents } from "../control/change-events";
import { recordActionOnAlert, withAlert } from "../alerts/from-alert";

function desiredOf(control: LockedControl): { mode: string; source: "manual" | "automatic" } {
  const { mode, source } = desiredMode(control.automaticMode, control.manual);
  return { mode, source };
}

/** Flips a service to a mode by hand until cleared or expired. */
export const setMode = defineMutation({
  action: "mode.set",
  permit: "operator",
  input: setModeInput,
  target: (i) => `service:${i.service}`,
  async run(tx, input, ctx) {
    const control = await lockControl(tx, input.service, input.expectedRevision);
    const ladder = declaredModes(control.modes);
    if (!ladder.includes(input.mode)) {
      throw new Unprocessable(`${input.service} does not declare the mode ${input.mode}.`, [
        { path: "mode", message: `one of ${ladder.join(", ")}` },
      ]);
    }
    const before = desiredOf(control);
    const manual = {
      mode: input.mode,
      reason: input.reason,
      setBy: actorName(ctx.actor),
      setAt: new Date(),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    };
    await tx
      .insert(modeOverrides)
      .values({ service: input.service, ...manual })
      .onConflictDoUpdate({ target: modeOverrides.service, set: manual });
    await recordModeChange(tx, {
      service: input.service,
      fromMode: before.mode,
      toMode: input.mode,
      source: "manual",
      reason: input.reason,
      actor: manual.setBy,
      expiresAt: manual.expiresAt,
    });
    await bumpRevision(tx, input.service);
    const fromAlert = await recordActionOnAlert(tx, { ...input, summary: `mode flipped to ${input.mode}`, action: "mode.set", actor: manual.setBy });
    return {
      result: await controlDocument(tx, input.service),
      audit: { before, after: withAlert({ mode: input.mode, source: "manual", expiresAt: input.expiresAt ?? null }, input.alertId), reason: input.reason },
      events: [...changeEvents("mode", input.service), ...fromAlert],
    };
  },
});

/** Ends a manual flip: the service returns to its instances' automatic choice. */
export const clearMode = defineMutation({
  action: "mode.clear",
  permit: "operator",
  input: clearModeInput,
  target: (i) => `service:${i.service}`,
  async run(tx, input, ctx) {
    const control = await lockControl(tx, input.service, input.expectedRevision);
    const before = desiredOf(control);
    if (control.manual) {
      await tx.delete(modeOverrides).where(eq(modeOverrides.service, input.service));
      await recordModeChange(tx, {
        service: input.service,
        fromMode: control.manual.mode,
        toMode: control.automaticMode,
        source: "manual",
        reason: input.reason,
        actor: actorName(ctx.actor),
        expiresAt: null,
      });
      await bumpRevision(tx, input.service);
    }
    const summary = `manual mode cleared, back to ${control.automaticMode}`;
    const fromAlert = await recordActionOnAlert(tx, { ...input, summary, action: "mode.clear", actor: actorName(ctx.actor) });
    return {
      result: await controlDocument(tx, input.service),
      audit: { before, after: withAlert({ mode: control.automaticMode, source: "automatic" }, input.alertId), reason: input.reason },
      events: [...(control.manual ? changeEvents("mode", input.service) : []), ...fromAlert],
    };
  },
});

export async function recordModeChange(tx: Db, change: typeof modeChanges.$inferInsert): Promise<void> {
  await tx.insert(modeChanges).values(change);
}
