import type { Db } from "@/lib/db/client";
import { evaluateRules } from "@/lib/domain/rules/evaluate-rules";

/** Each round evaluates the rules due; the claim inside makes several processes share them. */
export async function evaluateAlertRules(db: Db): Promise<void> {
  await evaluateRules(db);
}
