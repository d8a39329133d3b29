"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import type { ActionResult } from "@/components/ui/action-result";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RuleView } from "@/lib/domain/rules/rule-view";
import { draftOf, emptyDraft, type RuleDraft } from "./rule-draft";
import { RuleForm, type SaveRule } from "./rule-form";

export interface RuleActions {
  save: SaveRule;
  remove: (id: number) => Promise<ActionResult<unknown>>;
}

const stateTones: Record<RuleView["state"], Tone> = { inactive: "neutral", pending: "amber", firing: "red" };

/** The alert rules and how each evaluated last; admins create, edit and delete them. */
export function RulesView({ initialData, actions }: { initialData: { rules: RuleView[] }; actions: RuleActions | null }) {
  const { data, error, refetch } = useLiveQuery<{ rules: RuleView[] }>(["rules"], "/api/v1/rules", { initialData, on: ["rule", "alert"] });
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const rules = data?.rules ?? [];
  const done = () => {
    setEditing(null);
    void refetch();
  };

  return (
    <div className="space-y-4">
      {error && <ErrorState title="The rules could not be refreshed.">They show the last data received.</ErrorState>}
      {actions && !editing && (
        <Button variant="primary" onClick={() => setEditing(emptyDraft())}>
          New rule
        </Button>
      )}
      {actions && editing && <RuleForm key={editing.id ?? "new"} initial={editing} save={actions.save} onDone={done} />}
      {rules.length === 0 ? (
        <EmptyState title="No alert rules">A rule raises an alert when a metric crosses a threshold for a while.</EmptyState>
      ) : (
        <Table label="Alert rules">
          <THead>
            <Th>Rule</Th>
            <Th>Condition</Th>
            <Th>Severity</Th>
            <Th>State</Th>
            <Th>Evaluated</Th>
            {actions && <Th className="sr-only">Actions</Th>}
          </THead>
          <TBody>
            {rules.map((r) => (
              <Tr key={r.id}>
                <Td>
                  <span className="font-medium">{r.name}</span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{r.service}</span>
                </Td>
                <Td className="font-mono text-xs">
                  {r.aggregation}({r.metric}
                  {Object.keys(r.tags).length > 0 && `{${Object.entries(r.tags).map(([k, v]) => `${k}=${v}`).join(",")}}`}[{r.windowSeconds}s]) {r.comparator} {r.threshold}
                  {r.forSeconds > 0 && ` for ${r.forSeconds}s`}
                </Td>
                <Td>{r.severity}</Td>
                <Td>
                  <Badge tone={stateTones[r.state]} dot>
                    {r.state}
                  </Badge>
                  {r.lastValue !== null && <span className="ml-2 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{Number(r.lastValue.toPrecision(4))}</span>}
                </Td>
                <Td>
                  <RelativeTime at={r.evaluatedAt} never="not yet" />
                </Td>
                {actions && (
                  <Td className="space-x-1 text-right">
                    <Button size="sm" onClick={() => setEditing(draftOf(r))}>
                      Edit
                    </Button>
                    <Button size="sm" variant="danger" onClick={() => setDeleting(r)}>
                      Delete
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {actions && (
        <ConfirmDialog
          open={deleting !== null}
          title={`Delete the rule ${deleting?.name ?? ""}?`}
          confirmLabel="Delete rule"
          error={deleteError}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const result = await actions.remove(deleting!.id);
            if (!result.ok) return setDeleteError(result.error);
            setDeleting(null);
            setDeleteError(null);
            void refetch();
          }}
        >
          An alert it has raised resolves.
        </ConfirmDialog>
      )}
    </div>
  );
}
