"use client";

import { useMemo, useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { FormButtons } from "@/components/ui/form-buttons";
import { FormError } from "@/components/ui/form-error";
import { Textarea } from "@/components/ui/textarea";
import { routingTree } from "@/lib/domain/routing/tree";
import type { Draft } from "./route-edits";
import { RoutingPreview } from "./routing-preview";
import { TreeForm } from "./tree-form";
import { treeIssues } from "./tree-issues";
import { CHANNELS_LIVE, type ChannelsData, type RoutingActions, type RoutingData, type RoutingTree } from "./types";

interface Props {
  /** The tree in force now, live: it may move on while the editor is open. */
  current: RoutingData;
  /** What the editor starts from: the tree in force, or an older version to publish again. */
  start: { version: number; tree: RoutingTree };
  channels: ChannelsData;
  publishTree: RoutingActions["publishTree"];
  onDone: () => void;
}

const pretty = (tree: unknown) => JSON.stringify(tree, null, 2);

function parsed(text: string): { json: unknown } | { error: string } {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The tree as forms or as JSON, one draft behind both, checked as it is typed, replayed against
 * the last day's alerts on request, and published with the version it was based on, so a save
 * racing another admin's is refused with a conflict rather than silently overwriting theirs.
 */
export function TreeEditor({ current, start, channels: initialChannels, publishTree, onDone }: Props) {
  const { data: channelList = initialChannels } = useLiveQuery<ChannelsData>(["channels"], "/api/v1/channels", { initialData: initialChannels, on: CHANNELS_LIVE });
  const channels = useMemo(() => channelList.channels.map((c) => c.name), [channelList]);
  const [base, setBase] = useState(current.version);
  const [draft, setDraft] = useState<Draft>(start.tree);
  const [view, setView] = useState<"form" | "json">("form");
  const [text, setText] = useState(() => pretty(start.tree));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const stale = current.version !== base;
  const issues = useMemo(() => treeIssues(draft, channels), [draft, channels]);

  function edit(next: Draft) {
    setDraft(next);
    setError(null);
  }

  /** The JSON as the form's draft, defaults filled in; the form needs a whole tree, so a broken one stays in the JSON. */
  function toForm() {
    const result = parsed(text);
    if ("error" in result) return setError(result.error);
    const tree = routingTree.safeParse(result.json);
    if (!tree.success) {
      const [first] = tree.error.issues;
      return setError(`Fix the JSON before switching to the form: ${first ? `${first.path.join(".") || "the tree"}: ${first.message}` : "it is not a routing tree"}.`);
    }
    edit(tree.data);
    setView("form");
  }

  function show(next: "form" | "json") {
    if (next === view) return;
    if (next === "form") return toForm();
    setText(pretty(draft));
    setView("json");
  }

  async function save() {
    // The JSON goes as typed: the server's answer names the field that is wrong.
    const input = view === "json" ? parsed(text) : { json: draft };
    if ("error" in input) return setError(input.error);
    const tree = input.json;
    setPending(true);
    const result = await publishTree({ tree, expectedVersion: base });
    setPending(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  function loadCurrent() {
    setBase(current.version);
    edit(current.tree);
    setText(pretty(current.tree));
  }

  return (
    <section aria-label="Edit the routing tree" className="space-y-3">
      {stale && (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          Version {current.version} was published{current.updatedBy ? ` by ${current.updatedBy}` : ""} while you edited version {base}; saving these edits
          would overwrite it, so it will be refused.
          <Button size="sm" onClick={loadCurrent}>
            Load version {current.version}
          </Button>
        </div>
      )}
      <div role="tablist" aria-label="Edit as" className="flex gap-1">
        {(["form", "json"] as const).map((v) => (
          <Button key={v} role="tab" size="sm" variant={view === v ? "primary" : "secondary"} aria-selected={view === v} onClick={() => show(v)}>
            {v === "form" ? "Form" : "JSON"}
          </Button>
        ))}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Based on version {base}. Routes are tried in order; the first that matches takes the alert unless it continues.</p>
      {view === "form" ? (
        <TreeForm draft={draft} onChange={edit} channels={channels} issues={issues} />
      ) : (
        <Textarea
          label={`Routing tree (JSON), based on version ${base}`}
          rows={Math.min(30, text.split("\n").length + 1)}
          spellCheck={false}
          className="w-full font-mono"
          value={text}
          aria-invalid={error !== null}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
      )}
      {view === "form" && issues.size > 0 && (
        <p role="status" className="text-sm text-red-700 dark:text-red-400">
          {issues.size} field{issues.size === 1 ? " needs" : "s need"} fixing before this tree can be published.
        </p>
      )}
      <FormError error={error} />
      {view === "form" && <RoutingPreview draft={draft} disabled={issues.size > 0} />}
      <FormButtons submit={`Publish version ${base + 1}`} onSubmit={save} onCancel={onDone} pending={pending} blocked={view === "form" && issues.size > 0} />
    </section>
  );
}
