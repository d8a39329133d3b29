"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { JsonEditor } from "./json-editor";
import { pretty, type Body, type ConfigActions, type Selected } from "./types";

/** The document's JSON Schema (draft 2020-12); later publishes must satisfy it. An empty editor removes it. */
export function SchemaPanel({ selected, schema, canEdit, actions }: { selected: Selected; schema: Body | null; canEdit: boolean; actions: Pick<ConfigActions, "saveSchema"> }) {
  const [text, setText] = useState(schema ? pretty(schema) : "");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      let next: Body | null = null;
      if (text.trim() !== "") {
        try {
          next = JSON.parse(text) as Body;
        } catch (e) {
          return setError(`The schema is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const result = await actions.saveSchema({ ...selected, schema: next });
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
    });
  return (
    <div className="space-y-3">
      {!schema && !canEdit && <p className="text-sm text-zinc-500 dark:text-zinc-400">No schema: any JSON object can be published.</p>}
      <JsonEditor label="JSON Schema" value={text} onChange={canEdit ? (next) => (setText(next), setSaved(false)) : undefined} readOnly={!canEdit} height="18rem" />
      {canEdit && (
        <div className="flex items-center gap-3">
          <Button variant="primary" onClick={save} disabled={pending}>
            Save schema
          </Button>
          {saved && <span className="text-sm text-green-700 dark:text-green-400">Saved.</span>}
        </div>
      )}
      <FormError error={error} />
    </div>
  );
}
