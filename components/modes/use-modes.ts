"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import type { ModesPage } from "./types";

const MODES_URL = "/api/v1/modes";

/** The Modes page moves with desired modes and instances switching (`mode`) and with instances joining and queue depths (`service`). */
export function useModes(initialData: ModesPage): { data: ModesPage; error: Error | null } {
  const { data, error } = useLiveQuery<ModesPage>(["mode", "list"], MODES_URL, { initialData, on: ["mode", "service"] });
  return { data: data ?? initialData, error };
}
