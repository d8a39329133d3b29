import { CopyButton } from "./copy-button";

export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="relative rounded-md border border-zinc-200 bg-zinc-100 text-left dark:border-zinc-800 dark:bg-zinc-950">
      <pre aria-label={label} className="overflow-x-auto p-3 pr-20 font-mono text-xs leading-relaxed text-zinc-800 dark:text-zinc-300">
        {code}
      </pre>
      <div className="absolute top-2 right-2">
        <CopyButton value={code} />
      </div>
    </div>
  );
}
