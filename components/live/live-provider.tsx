"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useEventStream, type LiveStatus } from "./use-event-stream";

const LiveStatusContext = createContext<LiveStatus>("connecting");

/** Whether this tab's event stream is connected; queries poll only while it is "down". */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/** The query cache of a signed-in tab, kept fresh by its one event stream. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const status = useEventStream(queryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>
    </QueryClientProvider>
  );
}
