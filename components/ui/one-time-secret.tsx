import { Button } from "./button";
import { CopyButton } from "./copy-button";

/** A generated password or token: shown once, never stored in readable form. */
export function OneTimeSecret({ label, value, onDismiss }: { label: string; value: string; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded-md border border-accent-300 bg-accent-50 p-3 dark:border-accent-900 dark:bg-accent-950/40">
      <p className="text-sm text-zinc-800 dark:text-zinc-200">
        {label} <span className="text-zinc-500 dark:text-zinc-400">It is shown only once: copy it now.</span>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code aria-label="secret" className="rounded bg-white px-2 py-1 font-mono text-sm break-all select-all dark:bg-zinc-900">
          {value}
        </code>
        <CopyButton value={value} />
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </div>
  );
}
