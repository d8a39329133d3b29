"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { rememberTimeZoneOf } from "@/components/ui/time-zone";
import { CommandPalette } from "./command-palette";
import { GO_WINDOW_MS, goKeys, isTyping } from "./shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";

/**
 * The console's keys on every page: `g` then a letter, `/`, `?` and Ctrl/⌘-K. They listen in the
 * capture phase so that `g a` goes to Alerts instead of acknowledging the row under the cursor.
 */
export function ShellKeys({ person }: { person: string }) {
  const router = useRouter();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const goSince = useRef(0);

  useEffect(() => rememberTimeZoneOf(person), [person]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setHelp(false);
        setPalette((open) => !open);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector("dialog[open]")) return;
      const consume = () => {
        e.preventDefault();
        e.stopImmediatePropagation();
      };
      if (Date.now() - goSince.current < GO_WINDOW_MS) {
        goSince.current = 0;
        const target = goKeys.find((k) => k.key === e.key);
        if (target) {
          consume();
          router.push(target.href);
        }
        return;
      }
      if (e.key === "g") {
        consume();
        goSince.current = Date.now();
      } else if (e.key === "?") {
        consume();
        setHelp(true);
      } else if (e.key === "/") {
        consume();
        const search = document.querySelector<HTMLInputElement>('main input[type="search"], main [role="search"] input');
        if (search) search.focus();
        else setPalette(true);
      }
    }
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [router]);

  return (
    <>
      <CommandPalette open={palette} onClose={() => setPalette(false)} />
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
