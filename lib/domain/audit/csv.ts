import { stringify } from "csv-stringify";
import type { Db } from "@/lib/db/client";
import { listAudit, type AuditFilter } from "./query";

const columns = ["id", "at", "actor", "role", "action", "target", "outcome", "reason", "before", "after", "ip", "userAgent", "requestId", "prevHash", "hash"];

const PAGE = 1000;

/** Every event the filter matches, newest first, as a CSV stream read page by page so memory stays flat. */
export function auditCsvStream(db: Db, filter: Omit<AuditFilter, "limit" | "before">): ReadableStream<Uint8Array> {
  const csv = stringify({ header: true, columns });
  void (async () => {
    try {
      let before: number | undefined;
      do {
        const page = await listAudit(db, { ...filter, before, limit: PAGE });
        for (const e of page.events) {
          const row = { ...e, at: e.at.toISOString(), before: json(e.before), after: json(e.after) };
          if (!csv.write(row)) await new Promise((resolve) => csv.once("drain", resolve));
        }
        before = page.nextBefore ?? undefined;
      } while (before !== undefined);
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return new ReadableStream({
    async start(controller) {
      for await (const chunk of csv) controller.enqueue(new TextEncoder().encode(chunk as string));
      controller.close();
    },
  });
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}
