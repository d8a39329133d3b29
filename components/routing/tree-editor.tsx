"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Textarea } from "@/components/ui/textarea";
import type { RoutingActions, RoutingData, RoutingTree } from "./types";

interface Props {
  /** The tree in force now, live: it may move on while the editor is open. */
  current: RoutingData;
  /** What the editor starts from: the tree in force, or an older version to publish again. */
  start: { version: number; tree: RoutingTree };
  publishTree: RoutingActions["publishTree"];
  onDone: () => void;
}

const pretty = (tree: RoutingTree) => JSON.stringify(tree, null, 2);

/**
 * The tree as JSON, published with the version it was based on, so a save racing another admin's
 * is refused with a conflict rather than silently overwriting theirs.
 */
export function TreeEditor({ current, start, publishTree, onDone }: Props) {
  const [base, setBase] = useState(current.version);
  const [text, setText] = useState(() => pretty(start.tree));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const stale = current.version !== base;

  async function save() {
    let tree: unknown;
    try {
      tree = JSON.parse(text);
    } catch (e) {
      return setError(`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    setPending(true);
    const result = await publishTree({ tree, expectedVersion: base });
    setPending(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  function loadCurrent() {
    setBase(current.version);
    setText(pretty(current.tree));
    setError(null);
  }

  return (
    <section aria-label="Edit the routing tree" className="space-y-2">
      {stale && (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          Version {current.version} was published{current.updatedBy ? ` by ${current.updatedBy}` : ""} while you edited version {base}; saving these edits
          would overwrite it, so it will be refused.
          <Button size="sm" onClick={loadCurrent}>
            Load version {current.version}
          </Button>
        </div>
      )}
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
      <FormError error={error} />
      <div className="flex gap-2">
        <Button variant="primary" onClick={save} disabled={pending}>
          Publish version {base + 1}
        </Button>
        <Button onClick={onDone} disabled={pending}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
