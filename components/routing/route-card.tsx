"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { matcherOps } from "@/lib/domain/routing/matchers";
import { fieldPath, newRoute, type RoutePath } from "./route-edits";
import { SettingsFields } from "./settings-fields";
import type { ChildRoute } from "./types";

export interface RouteEdits {
  change(path: RoutePath, next: ChildRoute): void;
  move(path: RoutePath, by: -1 | 1): void;
  remove(path: RoutePath): void;
}

interface Props {
  route: ChildRoute;
  path: RoutePath;
  siblings: number;
  edits: RouteEdits;
  channels: readonly string[];
  issues: Map<string, string>;
}

/** One route of the tree as a form: its matchers, settings and children, with its place among its siblings. */
export function RouteCard({ route, path, siblings, edits, channels, issues }: Props) {
  const name = `route ${path.join(".")}`;
  const at = path.at(-1)!;
  const issueOf = (field: string) => issues.get(fieldPath(path, field));
  const set = (next: Partial<ChildRoute>) => edits.change(path, { ...route, ...next });
  const matcherIssue = (i: number) => issueOf(`matchers.${i}.label`) ?? issueOf(`matchers.${i}.value`) ?? issueOf(`matchers.${i}`);

  return (
    <li aria-label={name} className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{path.join(".")}</span>
        <span className="text-sm font-medium">{route.matchers.length === 0 ? "Every alert" : "Alerts matching"}</span>
        <div className="ml-auto flex gap-1">
          <Button size="sm" variant="ghost" aria-label={`Move ${name} up`} disabled={at === 0} onClick={() => edits.move(path, -1)}>
            ↑ Up
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Move ${name} down`} disabled={at === siblings - 1} onClick={() => edits.move(path, 1)}>
            ↓ Down
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => edits.remove(path)}>
            Remove
          </Button>
        </div>
      </div>
      <ul aria-label={`Matchers of ${name}`} className="space-y-2">
        {route.matchers.map((m, i) => {
          const matcher = `matcher ${i + 1} of ${name}`;
          const change = (next: Partial<typeof m>) => set({ matchers: route.matchers.map((x, j) => (j === i ? { ...x, ...next } : x)) });
          return (
            <li key={i} className="flex flex-wrap items-end gap-2">
              <Input label={`Label of ${matcher}`} className="w-40" value={m.label} onChange={(e) => change({ label: e.target.value })} aria-invalid={issueOf(`matchers.${i}.label`) !== undefined} />
              <Select label={`Operator of ${matcher}`} options={matcherOps} value={m.op} onChange={(e) => change({ op: e.target.value as typeof m.op })} />
              <Input label={`Value of ${matcher}`} className="w-56" value={m.value} onChange={(e) => change({ value: e.target.value })} aria-invalid={issueOf(`matchers.${i}.value`) !== undefined} />
              <Button size="sm" variant="ghost" aria-label={`Remove ${matcher}`} onClick={() => set({ matchers: route.matchers.filter((_, j) => j !== i) })}>
                ✕
              </Button>
              {matcherIssue(i) && <p className="basis-full text-xs text-red-700 dark:text-red-400">{matcherIssue(i)}</p>}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={() => set({ matchers: [...route.matchers, { label: "", op: "=", value: "" }] })}>
          Add matcher
        </Button>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={route.continue} onChange={(e) => set({ continue: e.target.checked })} />
          Continue to later routes after this one
        </label>
      </div>
      <SettingsFields settings={route} onChange={(next) => set(next)} inherits channels={channels} issueOf={issueOf} name={name} />
      {route.routes.length > 0 && (
        <ol aria-label={`Child routes of ${name}`} className="space-y-2 border-l border-zinc-300 pl-3 dark:border-zinc-700">
          {route.routes.map((child, i) => (
            <RouteCard key={i} route={child} path={[...path, i]} siblings={route.routes.length} edits={edits} channels={channels} issues={issues} />
          ))}
        </ol>
      )}
      <Button size="sm" onClick={() => set({ routes: [...route.routes, newRoute()] })}>
        Add child route to {name}
      </Button>
    </li>
  );
}
