import { Forbidden } from "@/lib/domain/errors";
import { consoleOrigin } from "@/lib/env";

// `none` is a navigation the user typed or bookmarked; only a script of this site sends `same-origin` on a write.
const OWN_FETCH = new Set(["same-origin", "none"]);

/**
 * Refuses a write a browser sent from another site. Only callers without a bearer token are
 * checked: a page of another site can make a browser send this site's cookie, never a bearer token.
 * A browser always sends `Origin` on a POST, PATCH or DELETE, and `Sec-Fetch-Site` when it knows it.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    if (OWN_FETCH.has(site)) return;
    throw new Forbidden("A write from another site is refused.");
  }
  const origin = req.headers.get("origin");
  if (origin !== null && origin === ownOrigin(req)) return;
  throw new Forbidden(origin === null ? "A write with a session cookie must send Origin, as browsers do." : "A write from another site is refused.");
}

function ownOrigin(req: Request): string {
  const configured = consoleOrigin();
  if (configured) return configured;
  const url = new URL(req.url);
  const host = req.headers.get("host") ?? url.host;
  return `${url.protocol}//${host}`;
}
