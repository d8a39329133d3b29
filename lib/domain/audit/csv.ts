import { stringify } from "csv-stringify";
import type { Db } from "@/lib/db/client";
import { listAudit, type AuditFilter } from "./query";

const columns = ["id", "at", "actor", "role", "action", "target", "outcome", "count", "reason", "before", "after", "ip", "userAgent", "requestId", "tokenId", "tokenName", "prevHash", "hash"];

const PAGE = 1000;

// Cells a spreadsheet would run as a formula (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: one starting like a formula gets a leading `'`. */
export function csvCell(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Every event the filter matches, newest first, as a CSV stream read page by page and only as fast
 * as the consumer reads it (pull), so memory stays flat however slow the download.
 */
export function auditCsvStream(db: Db, filter: Omit<AuditFilter, "limit" | "before">): ReadableStream<Uint8Array> {
  const csv = stringify({ header: true, columns, cast: { string: (v) => String(csvCell(v)) } });
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
      } while (before !== undefined && !csv.destroyed);
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  const chunks = csv[Symbol.asyncIterator]() as AsyncIterator<string>;
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    cancel() {
      csv.destroy();
    },
  });
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}
