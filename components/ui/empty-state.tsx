import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{title}</p>
      {children && <div className="mx-auto mt-2 max-w-2xl text-sm text-zinc-500 dark:text-zinc-400">{children}</div>}
    </div>
  );
}
