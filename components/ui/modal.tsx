"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/** A native modal dialog: it traps focus, closes on Escape and gives focus back where it was. */
export function Modal({ open, onClose, title, children, className = "max-w-md" }: { open: boolean; onClose: () => void; title: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className={`m-auto w-full rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
    >
      <h2 id={titleId} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}
