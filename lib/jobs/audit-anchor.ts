import type { Db } from "@/lib/db/client";
import { verifyChain } from "@/lib/domain/audit/verify";
import { env } from "@/lib/env";

let lastRun = 0;

/**
 * Verifies the chain from its newest checkpoint every AUDIT_ANCHOR_SECONDS, which records the
 * head as the next checkpoint: the chain is anchored even while no one has the Audit page open,
 * so a tail cut later is caught. Each process runs it; a checkpoint written twice is one row.
 */
export async function anchorAuditChain(db: Db): Promise<void> {
  if (Date.now() - lastRun < env().AUDIT_ANCHOR_SECONDS * 1_000) return;
  lastRun = Date.now();
  const report = await verifyChain(db);
  if (!report.ok) console.error(`The audit chain does not verify at event #${report.firstBadId}.`);
}
