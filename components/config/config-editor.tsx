"use client";

import { useEffect, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { shownBodyViolations } from "@/lib/domain/config/json-schema";
import { rebase } from "@/lib/domain/config/rebase";
import type { Issue } from "@/lib/domain/errors";
import { ConflictDialog } from "./conflict-dialog";
import { JsonEditor } from "./json-editor";
import { FrozenNotice } from "./frozen-notice";
import { noRollout, RolloutFields, rolloutOfDraft } from "./rollout-fields";
import { documentUrl, pretty, type Body, type ConfigActions, type DocumentPolicy, type Selected, type VersionBody, type VersionsPage } from "./types";

export interface EditorProps {
  selected: Selected;
  page: VersionsPage;
  canEdit: boolean;
  actions: ConfigActions;
  /** The version the edits are based on: the publish's `expectedVersion`. */
  base: { version: number; body: Body };
  startFrom: { body: Body; label: string } | null;
  onStarted: () => void;
  onPublished: (version: number) => void;
  /** Undefined until loaded; a publish is then refused by the server if it should have waited. */
  policy: DocumentPolicy | undefined;
}

type Parsed = { body: Body; issues: Issue[] } | { body: null; issues: Issue[] };

/** Edits a new version: JSON syntax and schema errors inline as you type, then publish with confirmation. */
export function ConfigEditor({ selected, page, canEdit, actions, base: initialBase, startFrom, onStarted, onPublished, policy }: EditorProps) {
  const [base, setBase] = useState(initialBase);
  const [text, setText] = useState(() => pretty(initialBase.body));
  const [message, setMessage] = useState("");
  const [bakeMinutes, setBakeMinutes] = useState("");
  const [rolloutDraft, setRolloutDraft] = useState(noRollout);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [step, setStep] = useState<null | "confirm" | { conflict: number }>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [breakGlass, setBreakGlass] = useState<string | null>(null);
  const [override, setOverride] = useState("");
  const [pending, start] = useTransition();
  const frozen = policy?.frozen ?? null;
  const waits = (policy?.approvals ?? 0) > 0 && breakGlass === null;
  const safetyMissing = (breakGlass !== null && breakGlass.trim().length < 3) || (frozen !== null && breakGlass === null && override.trim().length < 3);

  useEffect(() => {
    if (!startFrom) return;
    setText(pretty(startFrom.body));
    setNote(`Started from ${startFrom.label}.`);
    onStarted();
  }, [startFrom, onStarted]);

  const parsed = useMemo((): Parsed => parse(text, page.schema), [text, page.schema]);
  const issues = parsed.issues.length > 0 ? parsed.issues : serverIssues;

  const send = () =>
    start(async () => {
      if (!parsed.body) return;
      const minutes = Number(bakeMinutes);
      const rollout = rolloutOfDraft(rolloutDraft);
      const result = await actions.publish({
        ...selected,
        body: parsed.body,
        message,
        expectedVersion: base.version,
        ...(minutes > 0 ? { bakeMinutes: minutes } : {}),
        ...(rollout ? { rollout } : {}),
        ...(breakGlass !== null ? { breakGlass: { reason: breakGlass.trim() } } : {}),
        ...(frozen && breakGlass === null ? { override: { reason: override.trim() } } : {}),
      });
      if (!result.ok) return setError(result.error);
      const answer = result.value;
      if ("conflict" in answer) return setStep({ conflict: answer.conflict });
      setStep(null);
      if ("issues" in answer) return setServerIssues(answer.issues);
      if ("changeRequest" in answer) return setNote(`Change request #${answer.changeRequest} waits for approval; it is under Requests.`);
      onPublished(answer.version);
    });

  // The dialog reports its own closing too, also when a conflict replaces it: that must not close the conflict.
  const closeConfirm = () => setStep((current) => (current === "confirm" ? null : current));

  const rebaseOntoCurrent = () =>
    start(async () => {
      const response = await fetch(documentUrl(selected), { cache: "no-store" });
      if (!response.ok) return setError(`The current version could not be loaded (${response.status}).`);
      const theirs = (await response.json()) as VersionBody;
      if (!parsed.body) return;
      setText(pretty(rebase(base.body, parsed.body, theirs.body)));
      setBase({ version: theirs.version, body: theirs.body });
      setNote(`Your changes now sit on version ${theirs.version}. Review them and publish again.`);
      setStep(null);
    });

  const reveal = () =>
    start(async () => {
      const result = await actions.reveal({ ...selected, version: base.version });
      if (!result.ok) return setError(result.error);
      setText(pretty(result.value));
      setNote("Secrets revealed; the reveal is in the audit log.");
    });

  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {base.version === 0 ? "No version yet: this will be version 1." : `Editing on top of version ${base.version}.`} Secrets show masked; leave a mask as it is to keep the stored value.
      </p>
      {frozen && <FrozenNotice alerts={frozen.alerts} />}
      {waits && <p className="text-sm">Publishes of this document wait for {policy?.approvals === 1 ? "1 approval" : `${policy?.approvals} approvals`} by other admins.</p>}
      {note && <p role="status" className="text-sm text-accent-700 dark:text-accent-300">{note}</p>}
      <JsonEditor label="Config body" value={text} onChange={canEdit ? (next) => (setText(next), setServerIssues([])) : undefined} readOnly={!canEdit} />
      {issues.length > 0 && (
        <ul aria-label="Problems in the body" className="space-y-0.5 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code className="font-mono text-xs">{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="flex flex-wrap items-end gap-3">
          <Input label="What changes, and why" className="min-w-80 flex-1" value={message} onChange={(e) => setMessage(e.target.value)} />
          <Input label="Bake minutes (optional)" className="w-40" type="number" min={1} value={bakeMinutes} onChange={(e) => setBakeMinutes(e.target.value)} />
          {base.version > 0 && <RolloutFields draft={rolloutDraft} onChange={setRolloutDraft} />}
          {frozen && breakGlass === null && <Input label="Override the freeze: why" className="min-w-60" value={override} onChange={(e) => setOverride(e.target.value)} />}
          {breakGlass !== null && <Input label="Break glass: why" className="min-w-60" value={breakGlass} onChange={(e) => setBreakGlass(e.target.value)} />}
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" checked={breakGlass !== null} onChange={(e) => setBreakGlass(e.target.checked ? "" : null)} />
            Break glass
          </label>
          <Button variant="primary" disabled={!parsed.body || issues.length > 0 || message.trim() === "" || safetyMissing || pending} onClick={() => (setError(null), setStep("confirm"))}>
            {waits ? "Request approval" : "Publish"}
          </Button>
          {base.version > 0 && (
            <Button onClick={reveal} disabled={pending}>
              Reveal secrets
            </Button>
          )}
        </div>
      )}
      {step === null && <FormError error={error} />}
      <ConfirmDialog
        open={step === "confirm"}
        title={waits ? `Request approval for version ${base.version + 1}?` : `Publish version ${base.version + 1}?`}
        confirmLabel={waits ? "Request approval" : "Publish"}
        pending={pending}
        error={error}
        onConfirm={send}
        onCancel={closeConfirm}
      >
        {waits
          ? "Nothing is published yet: other admins see the change under Requests, and the last approval needed publishes it."
          : `${
              rolloutOfDraft(rolloutDraft)
                ? `Instances of ${selected.service} in ${selected.environment} take it step by step (${rolloutDraft.steps} %), and open breakers on them roll it back`
                : `Instances of ${selected.service} in ${selected.environment} apply it as soon as it is published`
            }${Number(bakeMinutes) > 0 ? `, and a critical alert in the next ${bakeMinutes} minutes rolls it back` : ""}.`}
        {breakGlass !== null && " Breaking the glass publishes under any policy, is audited as such, and waits for another admin's review."}
      </ConfirmDialog>
      {step !== null && step !== "confirm" && (
        <ConflictDialog selected={selected} baseVersion={base.version} currentVersion={step.conflict} pending={pending} error={error} onRebase={rebaseOntoCurrent} onCancel={() => setStep(null)} />
      )}
    </div>
  );
}

function parse(text: string, schema: Body | null): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { body: null, issues: [{ path: "body", message: error instanceof Error ? error.message : "is not valid JSON" }] };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { body: null, issues: [{ path: "body", message: "must be a JSON object" }] };
  return { body: body as Body, issues: schema ? shownBodyViolations(schema, body) : [] };
}
