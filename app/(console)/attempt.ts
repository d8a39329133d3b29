import type { ActionResult } from "@/components/ui/action-result";
import { DomainError, ValidationError } from "@/lib/domain/errors";

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
