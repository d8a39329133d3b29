"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";

export interface Cursor {
  focused: number | null;
  selected: ReadonlySet<number>;
}

/**
 * The focused row and the selection of the alerts table. Keys pressed faster than React renders
 * (j then x within one frame) must act on what the previous key did, so every change is applied to
 * a ref at once and rendered after; handlers read the ref, never a render's copy.
 */
export function useAlertCursor(ids: readonly number[]) {
  const [cursor, setCursor] = useState<Cursor>({ focused: null, selected: new Set() });
  const latest = useRef(cursor);
  const rows = useRef(ids);
  useLayoutEffect(() => {
    rows.current = ids;
  }, [ids]);

  const update = useCallback((change: (current: Cursor) => Cursor) => {
    latest.current = change(latest.current);
    setCursor(latest.current);
  }, []);

  const commands = useMemo(
    () => ({
      read: () => latest.current,
      /** The selected rows still on screen: a filter may have hidden some. */
      visibleSelection: () => rows.current.filter((id) => latest.current.selected.has(id)),
      focus: (id: number) => update((c) => ({ ...c, focused: id })),
      /** Moves the focus one row down or up and returns the row now focused. */
      move(step: 1 | -1): number | null {
        const list = rows.current;
        const at = latest.current.focused === null ? -1 : list.indexOf(latest.current.focused);
        const next = list[at === -1 ? 0 : Math.min(list.length - 1, Math.max(0, at + step))];
        if (next === undefined) return null;
        update((c) => ({ ...c, focused: next }));
        return next;
      },
      toggle(id: number) {
        update((c) => {
          const selected = new Set(c.selected);
          if (!selected.delete(id)) selected.add(id);
          return { ...c, selected };
        });
      },
      selectAll: (all: boolean) => update((c) => ({ ...c, selected: new Set(all ? rows.current : []) })),
    }),
    [update],
  );
  return { ...cursor, ...commands };
}
