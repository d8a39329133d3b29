"use client";

import { json } from "@codemirror/lang-json";
import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { useMemo, useSyncExternalStore } from "react";

const darkQuery = "(prefers-color-scheme: dark)";

function subscribeToScheme(onChange: () => void) {
  const query = window.matchMedia(darkQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** A JSON editor with syntax highlighting, following the system's light or dark scheme. */
export function JsonEditor({ label, value, onChange, readOnly = false, height = "22rem" }: { label: string; value: string; onChange?: (value: string) => void; readOnly?: boolean; height?: string }) {
  const dark = useSyncExternalStore(subscribeToScheme, () => window.matchMedia(darkQuery).matches, () => false);
  // The editable surface is what a screen reader lands on, so it carries the name too.
  const extensions = useMemo(() => [json(), EditorView.contentAttributes.of({ "aria-label": label })], [label]);
  return (
    <div aria-label={label} role="group" className="overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
      <CodeMirror value={value} onChange={onChange} readOnly={readOnly} editable={!readOnly} extensions={extensions} theme={dark ? "dark" : "light"} height={height} />
    </div>
  );
}
