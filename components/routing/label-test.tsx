"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Textarea } from "@/components/ui/textarea";
import { CONSOLE } from "@/lib/domain/routing/tree";
import type { RouteTestResult } from "./types";

/** `name=value` lines as a label set; a line without `=` is reported, not guessed at. */
function parseLabels(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf("=");
    if (at <= 0) return { error: `Line ${i + 1}: write name=value.` };
    labels[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { labels };
}

/** Where an alert with these labels would go under the tree in force, asked of POST /api/v1/routing/test. */
export function LabelTest() {
  const [text, setText] = useState("alertname=HighErrorRate\nservice=rag-api\nseverity=critical");
  const [result, setResult] = useState<RouteTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function test() {
    const parsed = parseLabels(text);
    if ("error" in parsed) return setError(parsed.error);
    setPending(true);
    const response = await fetch("/api/v1/routing/test", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (RouteTestResult & { message?: string }) | null;
    setPending(false);
    if (!response?.ok || !body) return setError(body?.message ?? "The server could not be reached.");
    setError(null);
    setResult(body);
  }

  return (
    <section aria-label="Test a label set" className="space-y-2">
      <Textarea label="Labels, one name=value a line" rows={4} spellCheck={false} className="w-full font-mono" value={text} onChange={(e) => setText(e.target.value)} />
      <Button onClick={test} disabled={pending}>
        Test
      </Button>
      <FormError error={error} />
      {result && <TestResult result={result} />}
    </section>
  );
}

function TestResult({ result }: { result: RouteTestResult }) {
  return (
    <div aria-label="Test result" role="region" className="space-y-1 text-sm">
      <p>
        Level <span className="font-medium">{result.severity}</span>, routing version {result.version}:
      </p>
      <ol className="space-y-1">
        {result.routes.map((r) => (
          <li key={r.path} className="rounded-md border border-zinc-200 px-2 py-1 dark:border-zinc-800">
            route <span className="font-mono">{r.path}</span> → <span className="font-medium">{r.receiver}</span>
            {r.receiver === CONSOLE ? " (the console only)" : r.channel ? ` (${r.channel.type}${r.channel.flagged ? ", failing" : ""})` : " (no such channel: nothing is sent)"}
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              grouped by {Object.entries(r.groupLabels).map(([k, v]) => `${k}=${v}`).join(", ") || "nothing"} · wait {r.groupWaitSeconds}s
              {r.escalation && ` · escalates to ${r.escalation.receiver} after ${r.escalation.afterSeconds}s`}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
