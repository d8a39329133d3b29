import { and, eq } from "drizzle-orm";
import { configPolicies } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

export interface Policy {
  approvals: number;
  freezeWhileCritical: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A document nobody set a policy for publishes at once and never freezes. */
export const DEFAULT_POLICY: Policy = { approvals: 0, freezeWhileCritical: false, updatedBy: null, updatedAt: null };

export async function readPolicy(db: Db, service: string, environment: string): Promise<Policy> {
  const [row] = await db
    .select()
    .from(configPolicies)
    .where(and(eq(configPolicies.service, service), eq(configPolicies.environment, environment)));
  if (!row) return DEFAULT_POLICY;
  return { approvals: row.approvals, freezeWhileCritical: row.freezeWhileCritical, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}
