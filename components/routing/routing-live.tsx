"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { ChannelsPanel } from "./channels-panel";
import { LabelTest } from "./label-test";
import { RouteTreeView } from "./route-tree-view";
import { TreeEditor } from "./tree-editor";
import { CHANNELS_LIVE, type ChannelsData, type RoutingActions, type RoutingData, type RoutingTree, type VersionsData } from "./types";
import { VersionsList } from "./versions-list";

interface Props {
  initial: { routing: RoutingData; versions: VersionsData; channels: ChannelsData | null };
  /** Present for admins. */
  actions: RoutingActions | null;
}

export function RoutingLive({ initial, actions }: Props) {
  const { data: routing = initial.routing } = useLiveQuery<RoutingData>(["routing", "tree"], "/api/v1/routing", { initialData: initial.routing, on: ["routing"] });
  const { data: versions = initial.versions } = useLiveQuery<VersionsData>(["routing", "versions"], "/api/v1/routing/versions", { initialData: initial.versions, on: ["routing"] });
  const [editing, setEditing] = useState<{ version: number; tree: RoutingTree } | null>(null);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-8">
        <Panel
          title={`Routing tree, version ${routing.version}`}
          description={routing.updatedBy ? `Published by ${routing.updatedBy}.` : "The default tree: every alert stays in the console, critical ones at once. Add channels, then point its critical and warning routes at them."}
        >
          {editing && actions ? (
            <TreeEditor
              key={editing.version}
              current={routing}
              start={editing}
              channels={initial.channels ?? { channels: [] }}
              publishTree={actions.publishTree}
              onDone={() => setEditing(null)}
            />
          ) : (
            <>
              <RouteTreeView tree={routing.tree} />
              {actions && (
                <Button variant="primary" onClick={() => setEditing(routing)}>
                  Edit tree
                </Button>
              )}
            </>
          )}
        </Panel>
        {actions && initial.channels && <Channels initial={initial.channels} actions={actions} />}
        <Panel title="Versions" description={actions ? "Every publish is audited; the audit log holds each before and after." : undefined}>
          <VersionsList versions={versions.versions} current={routing.version} onRestore={actions ? setEditing : null} />
        </Panel>
      </div>
      <Panel title="Test a label set" description="Which routes and channels an alert with these labels would reach under the tree in force.">
        <LabelTest />
      </Panel>
    </div>
  );
}

function Channels({ initial, actions }: { initial: ChannelsData; actions: RoutingActions }) {
  const { data = initial } = useLiveQuery<ChannelsData>(["channels"], "/api/v1/channels", { initialData: initial, on: CHANNELS_LIVE });
  return (
    <Panel title="Channels" description="A channel failing three attempts in a row is flagged until it delivers again.">
      <ChannelsPanel channels={data.channels} actions={actions} />
    </Panel>
  );
}
