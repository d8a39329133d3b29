/** The service's declared modes, mildest first, marking the desired one and the instances' own choice. */
export function ModeLadder({ ladder, desired, automatic }: { ladder: string[]; desired: string; automatic: string }) {
  return (
    <ol aria-label="declared modes, mildest first" className="flex flex-wrap items-center gap-1 text-xs">
      {ladder.map((mode, index) => (
        <li key={mode} className="flex items-center gap-1">
          {index > 0 && (
            <span aria-hidden className="text-zinc-300 dark:text-zinc-600">
              ›
            </span>
          )}
          <span
            aria-current={mode === desired ? "step" : undefined}
            className={`rounded px-1.5 py-0.5 ${
              mode === desired
                ? "bg-zinc-900 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
                : "text-zinc-500 dark:text-zinc-400"
            }`}
          >
            {mode}
            {mode === automatic && <span className={mode === desired ? "opacity-70" : "text-zinc-500 dark:text-zinc-400"}> · auto</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
