"use client";

import { Button } from "@/components/ui/button";
import { RouteCard, type RouteEdits } from "./route-card";
import { movedRoute, newRoute, withoutRoute, withRoute, withRoutes, type Draft } from "./route-edits";
import { SettingsFields } from "./settings-fields";

interface Props {
  draft: Draft;
  onChange: (next: Draft) => void;
  channels: readonly string[];
  issues: Map<string, string>;
}

/** The routing tree as nested forms: the root's defaults, then each route in the order it is tried. */
export function TreeForm({ draft, onChange, channels, issues }: Props) {
  const edits: RouteEdits = {
    change: (path, next) => onChange(withRoute(draft, path, next)),
    move: (path, by) => onChange(movedRoute(draft, path, by)),
    remove: (path) => onChange(withoutRoute(draft, path)),
  };
  const { routes, ...settings } = draft;
  return (
    <div className="space-y-3" role="group" aria-label="Routing tree form">
      <fieldset className="space-y-2 rounded-md bg-zinc-100 p-3 dark:bg-zinc-800/60">
        <legend className="text-sm font-semibold">Root: every alert not taken by a route below</legend>
        <SettingsFields
          settings={settings}
          onChange={(next) => onChange({ ...draft, ...next } as Draft)}
          inherits={false}
          channels={channels}
          issueOf={(field) => issues.get(field)}
          name="root"
        />
      </fieldset>
      {routes.length > 0 && (
        <ol aria-label="Routes" className="space-y-2">
          {routes.map((route, i) => (
            <RouteCard key={i} route={route} path={[i]} siblings={routes.length} edits={edits} channels={channels} issues={issues} />
          ))}
        </ol>
      )}
      <Button size="sm" onClick={() => onChange(withRoutes(draft, [], (list) => [...list, newRoute()]))}>
        Add route
      </Button>
    </div>
  );
}
