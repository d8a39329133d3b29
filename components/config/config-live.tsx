"use client";

import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { DeliveryLine } from "@/components/ui/delivery-line";
import { ErrorState } from "@/components/ui/error-state";
import { BakeStatus } from "./bake-status";
import { DiffView } from "./diff-view";
import { DocumentPicker } from "./document-picker";
import { DriftPanel } from "./drift-panel";
import { EditorPanel } from "./editor-panel";
import { HistoryTable } from "./history-table";
import { PolicyLine } from "./policy-line";
import { RequestsPanel } from "./requests-panel";
import type { ScheduleActions } from "@/components/schedules/types";
import { RolloutPanel } from "./rollout-panel";
import { SchemaPanel } from "./schema-panel";
import { TemplatesPanel } from "./templates-panel";
import type { Abilities, Body, ConfigActions, ConfigOverview, Selected, VersionsPage } from "./types";
import { useChangeRequests, usePolicy } from "./use-changes";
import { useOverview, useVersions } from "./use-config";

interface Props {
  overview: ConfigOverview;
  selected: Selected | null;
  /** The first paint of the history; the other tabs load when opened, so they never start from a snapshot older than the page. */
  initialVersions: VersionsPage | null;
  can: Abilities;
  actions: ConfigActions;
  scheduleActions: ScheduleActions;
}

const tabs = ["Edit", "Requests", "History", "Diff", "Drift", "Schema", "Templates"] as const;
type Tab = (typeof tabs)[number];

export function ConfigLive({ overview: initialOverview, selected, initialVersions, can, actions, scheduleActions }: Props) {
  const overview = useOverview(initialOverview).data ?? initialOverview;
  return (
    <div className="space-y-4">
      <DocumentPicker overview={overview} selected={selected} canAddEnvironment={can.edit} actions={actions} />
      {selected ? (
        <DocumentView selected={selected} overview={overview} initialVersions={initialVersions} can={can} actions={actions} scheduleActions={scheduleActions} />
      ) : (
        <EmptyState title="No service yet.">A service appears here once it reports or once config is published for it through the API.</EmptyState>
      )}
    </div>
  );
}

function DocumentView({ selected, overview, initialVersions, can, actions, scheduleActions }: Omit<Props, "selected"> & { selected: Selected }) {
  const versions = useVersions(selected, initialVersions ?? undefined);
  const policy = usePolicy(selected).data;
  const requests = useChangeRequests(selected);
  const waiting = (requests.data?.items ?? []).filter((r) => r.status === "pending" || (r.breakGlass !== null && r.breakGlass.reviewedAt === null)).length;
  const [tab, setTab] = useState<Tab>("Edit");
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [startFrom, setStartFrom] = useState<{ body: Body; label: string } | null>(null);
  const page = versions.data;
  const delivery = overview.documents.find((d) => d.service === selected.service && d.environment === selected.environment)?.delivery ?? null;
  if (!page) return versions.error ? <ErrorState title="The versions could not be loaded.">{versions.error.message}</ErrorState> : null;
  const open = (next: Tab) => setTab(next);
  return (
    <div className="space-y-4">
      {versions.error && <ErrorState title="The versions could not be refreshed.">They show the last data received; it retries by itself.</ErrorState>}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          Current version: <strong data-testid="current-version">{page.currentVersion === 0 ? "none yet" : `v${page.currentVersion}`}</strong>
        </span>
        <BakeStatus selected={selected} bake={page.bake} canEnd={can.endBake} actions={actions} />
        {policy && <PolicyLine selected={selected} policy={policy} canEdit={can.edit} actions={actions} />}
      </div>
      {delivery && delivery.target === page.currentVersion && <DeliveryLine delivery={delivery} what={`v${delivery.target}`} />}
      <RolloutPanel selected={selected} canMove={can.edit} actions={actions} />
      <div role="tablist" aria-label="Config views" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map((t) => (
          <button
            key={t}
            role="tab"
            aria-selected={tab === t}
            onClick={() => open(t)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${tab === t ? "border-accent-500 font-medium" : "border-transparent text-zinc-500 dark:text-zinc-400 hover:text-zinc-900 dark:hover:text-zinc-100"}`}
          >
            {t}
            {t === "Requests" && waiting > 0 && <span className="ml-1 rounded-full bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">{waiting}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab}>
        {tab === "Edit" && <EditorPanel selected={selected} page={page} canEdit={can.edit} actions={actions} startFrom={startFrom} onStarted={() => setStartFrom(null)} policy={policy} />}
        {tab === "Requests" &&
          (requests.error ? (
            <ErrorState title="The change requests could not be loaded.">{requests.error.message}</ErrorState>
          ) : (
            <RequestsPanel selected={selected} requests={requests.data?.items ?? []} can={can} actions={actions} scheduleActions={scheduleActions} />
          ))}
        {tab === "History" && (
          <HistoryTable
            selected={selected}
            page={page}
            canRollBack={can.edit}
            actions={actions}
            onCompare={(from, to) => {
              setCompare({ from, to });
              open("Diff");
            }}
          />
        )}
        {tab === "Diff" && <DiffView selected={selected} page={page} compare={compare} onCompare={setCompare} />}
        {tab === "Drift" && <DriftPanel selected={selected} />}
        {tab === "Schema" && <SchemaPanel selected={selected} schema={page.schema} canEdit={can.edit} actions={actions} />}
        {tab === "Templates" && (
          <TemplatesPanel
            templates={overview.templates}
            canEdit={can.edit}
            actions={actions}
            onStartFrom={(name, body) => {
              setStartFrom({ body, label: `template ${name}` });
              open("Edit");
            }}
          />
        )}
      </div>
    </div>
  );
}
