import type { IncomingMessage, ServerResponse } from "node:http";
import type { InFlightBudget } from "./shedding";

export type Params = Record<string, string>;
export interface LaneCall {
  req: IncomingMessage;
  res: ServerResponse;
  params: Params;
  origin: string;
  /** Aborted when the client goes or the lane stops. */
  signal: AbortSignal;
}
/** Answers on `res`; the web-shaped handlers are wrapped by `webHandler`. */
export type LaneHandler = (call: LaneCall) => Promise<void>;

/**
 * A route of the lane. `unmetered` ones are not shed: long-polls and streams wait on changes, not
 * on work, and health checks must answer most of all when the lane is full.
 */
export interface LaneRoute {
  method: string;
  pattern: string;
  unmetered?: boolean;
  /** Counted apart from the other short requests, in a budget of its own (see `InFlightBudget`). */
  inFlight?: InFlightBudget;
  handle: LaneHandler;
}

interface Compiled extends LaneRoute {
  regex: RegExp;
  names: string[];
}

export interface Match {
  route: LaneRoute;
  params: Params;
}

/** Matches `/api/v1/control/:service` style patterns; a path that matches but with another method is told apart for 405. */
export function router(routes: LaneRoute[]) {
  const compiled: Compiled[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { ...route, regex: new RegExp(`^${source}$`), names };
  });
  return (method: string, pathname: string): Match | "method_not_allowed" | null => {
    let pathMatched = false;
    for (const route of compiled) {
      const found = route.regex.exec(pathname);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Params = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
      return { route, params };
    }
    return pathMatched ? "method_not_allowed" : null;
  };
}
