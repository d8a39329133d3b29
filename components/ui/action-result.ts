/** What a server action hands back to a form: its value, or a message to show the user. */
export type ActionResult<T = null> = { ok: true; value: T } | { ok: false; error: string };
