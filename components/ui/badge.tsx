import type { ReactNode } from "react";

const tones = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  accent: "bg-accent-50 text-accent-700 ring-accent-300 dark:bg-accent-950 dark:text-accent-300 dark:ring-accent-900",
  green: "bg-green-50 text-green-800 ring-green-600/30 dark:bg-green-950 dark:text-green-300 dark:ring-green-500/30",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-500/30",
  red: "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300 dark:ring-red-500/30",
};

const dots = { neutral: "bg-zinc-400", accent: "bg-accent-500", green: "bg-green-500", amber: "bg-amber-500", red: "bg-red-500" };

export type Tone = keyof typeof tones;

export function Badge({ tone = "neutral", dot = false, title, children }: { tone?: Tone; dot?: boolean; title?: string; children: ReactNode }) {
  return (
    <span title={title} className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}>
      {dot && <span aria-hidden className={`size-1.5 rounded-full ${dots[tone]}`} />}
      {children}
    </span>
  );
}
