import { asc } from "drizzle-orm";
import { alertRules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { ruleView, type RuleView } from "./rule-view";

export async function listRules(db: Db): Promise<{ rules: RuleView[] }> {
  const rows = await db.select().from(alertRules).orderBy(asc(alertRules.service), asc(alertRules.name));
  return { rules: rows.map(ruleView) };
}
