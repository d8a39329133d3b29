"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { ErrorState } from "@/components/ui/error-state";
import { ConfigEditor, type EditorProps } from "./config-editor";
import { documentTopic, documentUrl, type VersionBody } from "./types";

type Props = Omit<EditorProps, "base" | "onPublished">;

/** The editor starts from the current version; after a publish it starts again from the new one. */
export function EditorPanel(props: Props) {
  if (props.page.currentVersion === 0) return <ConfigEditor {...props} base={{ version: 0, body: {} }} onPublished={() => undefined} />;
  return <FromCurrent {...props} />;
}

function FromCurrent(props: Props) {
  const current = useLiveQuery<VersionBody>(["config", "current", props.selected.service, props.selected.environment], documentUrl(props.selected), { on: [documentTopic(props.selected)] });
  const [waitingFor, setWaitingFor] = useState(0);
  const latest = current.data;
  if (!latest) return current.error ? <ErrorState title="The current config could not be loaded.">{current.error.message}</ErrorState> : null;
  // Until the live data shows the version just published, the editor would start from an older one.
  if (latest.version < waitingFor) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading version {waitingFor}…</p>;
  // Keyed by the last own publish only: someone else's publish must not wipe the edits in progress.
  return <ConfigEditor key={waitingFor} {...props} base={{ version: latest.version, body: latest.body }} onPublished={setWaitingFor} />;
}
