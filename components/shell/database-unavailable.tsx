"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";

/** How often a visible tab asks again while the database is away. */
const RETRY_MS = 5_000;

/** What every console page shows while PostgreSQL does not answer; it reloads itself once the database is back. */
export function DatabaseUnavailable() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <ErrorState title="The database is unavailable.">
        <p>Breakwater cannot reach its PostgreSQL database right now, so this page cannot be shown. Services keep their last control document meanwhile.</p>
        <p className="mt-1">This page tries again every few seconds.</p>
        <Button size="sm" className="mt-3" onClick={() => router.refresh()}>
          Try again now
        </Button>
      </ErrorState>
    </main>
  );
}
