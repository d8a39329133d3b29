import { describeMatcher } from "@/lib/domain/routing/describe-matcher";
import type { ChildRoute, RoutingTree } from "./types";

const describeMatchers = (route: ChildRoute) => (route.matchers.length === 0 ? "every alert" : route.matchers.map(describeMatcher).join(", "));

/** The tree as Alertmanager users read it: the root, then each route's matchers, receiver and what it overrides. */
export function RouteTreeView({ tree, label = "Routing tree" }: { tree: RoutingTree; label?: string }) {
  return (
    <section aria-label={label} className="font-mono text-xs">
      <div className="rounded-md bg-zinc-100 px-2 py-1.5 dark:bg-zinc-800/60">
        <span className="font-semibold">root</span> → {tree.receiver}
        <Settings route={tree} />
        {tree.routes.length > 0 && <Children routes={tree.routes} path="" />}
      </div>
    </section>
  );
}

function Children({ routes, path }: { routes: ChildRoute[]; path: string }) {
  return (
    <ol className="mt-1 space-y-1 border-l border-zinc-300 pl-3 dark:border-zinc-700">
      {routes.map((route, i) => {
        const at = `${path}${i}`;
        return (
          <li key={at}>
            <span className="text-zinc-500 dark:text-zinc-400">{at}</span> {describeMatchers(route)} → <span className="font-semibold">{route.receiver ?? "(inherited)"}</span>
            {route.continue && <span className="ml-1 rounded bg-accent-100 px-1 text-accent-800 dark:bg-accent-950 dark:text-accent-300">continue</span>}
            <Settings route={route} />
            {route.routes.length > 0 && <Children routes={route.routes} path={`${at}.`} />}
          </li>
        );
      })}
    </ol>
  );
}

function Settings({ route }: { route: Partial<RoutingTree> }) {
  const parts = [
    route.groupBy && `group by ${route.groupBy.join(", ") || "nothing"}`,
    route.groupWaitSeconds !== undefined && `wait ${route.groupWaitSeconds}s`,
    route.groupIntervalSeconds !== undefined && `interval ${route.groupIntervalSeconds}s`,
    route.repeatIntervalSeconds !== undefined && `repeat ${route.repeatIntervalSeconds}s`,
    route.ackTimeoutSeconds !== undefined && `ack timeout ${route.ackTimeoutSeconds}s`,
    route.escalation === null ? "no escalation" : route.escalation && `escalate to ${route.escalation.receiver} after ${route.escalation.afterSeconds}s`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="text-zinc-500 dark:text-zinc-400">{parts.join(" · ")}</p>;
}
