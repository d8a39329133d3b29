import type { ReactNode } from "react";

export interface FieldProps {
  label?: string;
  hint?: ReactNode;
  className?: string;
}

/** A visible label above a control and an optional hint below it, tied together by ids. */
export function Field({ id, label, hint, className = "", children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={`flex flex-col items-start gap-1 ${className}`}>
      {label && (
        <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {label}
        </label>
      )}
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
    </div>
  );
}

export const controlClass =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 placeholder:text-zinc-400 outline-none focus-visible:border-accent-500 focus-visible:ring-2 focus-visible:ring-accent-500/40 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500";
