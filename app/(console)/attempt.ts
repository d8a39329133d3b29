import type { ActionResult } from "@/components/ui/action-result";
import { currentCtx } from "@/lib/auth/current";
import { DomainError, ValidationError } from "@/lib/domain/errors";
import type { Verb } from "@/lib/domain/mutation";

/** Runs a verb for a server action: a domain error becomes a message for the form, anything else a generic one. */
export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, error: error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(" ") };
    }
    if (error instanceof DomainError) return { ok: false, error: error.message };
    console.error(error);
    return { ok: false, error: "Something went wrong on the server. Try again." };
  }
}

/**
 * A server action of one verb, as the signed-in caller. It answers the browser nothing of the
 * result but what `present` picks from it: what a form shows, never a whole row.
 */
export function action<O, I, T = null>(verb: Verb<O, I>, present: (result: O) => T = () => null as T) {
  return async (input: I): Promise<ActionResult<T>> => attempt(async () => present(await verb(await currentCtx(), input)));
}
