import type { Metadata } from "next";
import Link from "next/link";
import { RulesView } from "@/components/metrics/rules-view";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { createRule } from "@/lib/domain/rules/save-rule";
import { listRules } from "@/lib/domain/rules/list-rules";
import { signedIn } from "../../page-access";
import { removeRule, saveRule } from "../actions";

export const metadata: Metadata = { title: "Alert rules · Metrics · Breakwater" };

export default async function RulesPage() {
  const { person } = await signedIn();
  const rules = await listRules(db());
  // The browser refetches the same JSON the API sends, so the first paint takes that shape too.
  const initialData = JSON.parse(JSON.stringify(rules)) as typeof rules;
  return (
    <>
      <PageHeader
        title="Alert rules"
        description={
          <>
            <Link href="/metrics" className="underline">
              Metrics
            </Link>{" "}
            · evaluated every 15 s; a firing rule raises an alert like any pushed one, routed and silenced the same way.
          </>
        }
      />
      <RulesView initialData={initialData} actions={can(person.role, createRule) ? { save: saveRule, remove: removeRule } : null} />
    </>
  );
}
