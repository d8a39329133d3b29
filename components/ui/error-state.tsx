import type { ReactNode } from "react";

/** A failure the user should read: announced to screen readers, never a stack trace. */
export function ErrorState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm dark:border-red-900/60 dark:bg-red-950/40">
      <p className="font-medium text-red-800 dark:text-red-300">{title}</p>
      {children && <div className="mt-1 text-red-700 dark:text-red-300/80">{children}</div>}
    </div>
  );
}
