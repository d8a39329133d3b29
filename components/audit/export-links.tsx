import { focusRing } from "@/components/ui/button";

// The API's largest page; an export of more goes through the API with `before`.
const EXPORT_LIMIT = 1000;

export function ExportLinks({ query }: { query: string }) {
  const href = (format: "csv" | "json") => `/api/v1/audit?${query}${query ? "&" : ""}format=${format}&limit=${EXPORT_LIMIT}`;
  const link = `rounded-md px-2 py-1 text-sm text-accent-700 hover:bg-zinc-200/60 hover:underline dark:text-accent-400 dark:hover:bg-zinc-800 ${focusRing}`;
  return (
    <div className="flex items-center gap-1">
      <a href={href("csv")} download className={link}>
        Export CSV
      </a>
      <a href={href("json")} download className={link}>
        Export JSON
      </a>
    </div>
  );
}
