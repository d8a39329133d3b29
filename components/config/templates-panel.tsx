"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { JsonEditor } from "./json-editor";
import type { Body, ConfigActions, ConfigOverview } from "./types";

interface Props {
  templates: ConfigOverview["templates"];
  canEdit: boolean;
  actions: Pick<ConfigActions, "saveAsTemplate" | "removeTemplate">;
  onStartFrom: (name: string, body: Body) => void;
}

/** Named bodies an admin starts a new version from. */
export function TemplatesPanel({ templates, canEdit, actions, onStartFrom }: Props) {
  const [doomed, setDoomed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const remove = (name: string) =>
    start(async () => {
      const result = await actions.removeTemplate({ name });
      setError(result.ok ? null : result.error);
      setDoomed(null);
    });
  return (
    <div className="space-y-4">
      {templates.length === 0 ? (
        <EmptyState title="No templates yet.">{canEdit ? "Save a body below to start new versions from it." : "Admins can save bodies to start new versions from."}</EmptyState>
      ) : (
        <Table label="Templates">
          <THead>
            <Th>Name</Th>
            <Th>Saved by</Th>
            <Th>Saved</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {templates.map((t) => (
              <Tr key={t.name}>
                <Td>{t.name}</Td>
                <Td>{t.updatedBy}</Td>
                <Td>
                  <RelativeTime at={t.updatedAt} />
                </Td>
                <Td className="text-right whitespace-nowrap">
                  {canEdit && (
                    <>
                      <Button size="sm" onClick={() => onStartFrom(t.name, t.body)}>
                        Start a version from it
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setDoomed(t.name)}>
                        Delete
                      </Button>
                    </>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <FormError error={error} />
      {canEdit && <NewTemplate actions={actions} />}
      <ConfirmDialog open={doomed !== null} title={`Delete the template ${doomed}?`} confirmLabel="Delete" pending={pending} onConfirm={() => doomed && remove(doomed)} onCancel={() => setDoomed(null)}>
        Versions started from it keep their bodies.
      </ConfirmDialog>
    </div>
  );
}

function NewTemplate({ actions }: { actions: Props["actions"] }) {
  const [name, setName] = useState("");
  const [text, setText] = useState("{\n}");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      let body: Body;
      try {
        body = JSON.parse(text) as Body;
      } catch (e) {
        return setError(`The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      const result = await actions.saveAsTemplate({ name, body });
      setError(result.ok ? null : result.error);
      if (result.ok) setName("");
    });
  return (
    <div className="space-y-2">
      <Input label="Template name" value={name} onChange={(e) => setName(e.target.value)} />
      <JsonEditor label="Template body" value={text} onChange={setText} height="10rem" />
      <Button onClick={save} disabled={pending || name.trim() === ""}>
        Save template
      </Button>
      <FormError error={error} />
    </div>
  );
}
