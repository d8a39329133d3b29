import type { ChildRoute, RoutingTree } from "./types";

/** A route's place in the tree: the indexes from the root's routes down, `[]` for the root itself. */
export type RoutePath = number[];

/** A draft tree as the form holds it: the tree's shape, with fields an admin may leave half done. */
export type Draft = RoutingTree;

export function newRoute(): ChildRoute {
  return { matchers: [{ label: "", op: "=", value: "" }], continue: false, routes: [] };
}

/** The tree with the routes under `parent` replaced by what `change` makes of them. */
export function withRoutes(tree: Draft, parent: RoutePath, change: (routes: ChildRoute[]) => ChildRoute[]): Draft {
  if (parent.length === 0) return { ...tree, routes: change(tree.routes) };
  const [head, ...rest] = parent as [number, ...number[]];
  return { ...tree, routes: tree.routes.map((r, i) => (i === head ? childWithRoutes(r, rest, change) : r)) };
}

function childWithRoutes(route: ChildRoute, parent: RoutePath, change: (routes: ChildRoute[]) => ChildRoute[]): ChildRoute {
  if (parent.length === 0) return { ...route, routes: change(route.routes) };
  const [head, ...rest] = parent as [number, ...number[]];
  return { ...route, routes: route.routes.map((r, i) => (i === head ? childWithRoutes(r, rest, change) : r)) };
}

/** Replaces the route at `path` (not the root) with `next`. */
export function withRoute(tree: Draft, path: RoutePath, next: ChildRoute): Draft {
  return withRoutes(tree, path.slice(0, -1), (routes) => routes.map((r, i) => (i === path.at(-1) ? next : r)));
}

export function withoutRoute(tree: Draft, path: RoutePath): Draft {
  return withRoutes(tree, path.slice(0, -1), (routes) => routes.filter((_, i) => i !== path.at(-1)));
}

/** Moves the route at `path` one place up (`-1`) or down (`1`) among its siblings; order decides which route takes an alert. */
export function movedRoute(tree: Draft, path: RoutePath, by: -1 | 1): Draft {
  const at = path.at(-1)!;
  return withRoutes(tree, path.slice(0, -1), (routes) => {
    const to = at + by;
    if (to < 0 || to >= routes.length) return routes;
    const next = [...routes];
    [next[at], next[to]] = [next[to]!, next[at]!];
    return next;
  });
}

/** The dotted name the server uses for a field: `routes.0.routes.2.receiver`. */
export function fieldPath(path: RoutePath, field: string): string {
  return [...path.flatMap((i) => ["routes", String(i)]), field].join(".");
}
