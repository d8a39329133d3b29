"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState title="This page could not be loaded.">
      <p>{error.digest ? `The server logged it with the id ${error.digest}.` : "Check your connection and try again."}</p>
      <Button size="sm" className="mt-3" onClick={reset}>
        Try again
      </Button>
    </ErrorState>
  );
}
