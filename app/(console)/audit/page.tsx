import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { auditFilter, listAudit } from "@/lib/domain/audit/query";
import { verifyChain } from "@/lib/domain/audit/verify";
import { asJson } from "@/lib/json";
import { pageAccess } from "../page-access";

export const metadata: Metadata = { title: "Audit log · Breakwater" };

export default async function AuditPage() {
  const { allowed } = await pageAccess("admin", "/audit");
  if (!allowed) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Forbidden role="admin" />
      </>
    );
  }
  const [page, chain] = await Promise.all([listAudit(db(), auditFilter.parse({})), verifyChain(db())]);
  return <AuditView initialPage={asJson(page)} initialChain={chain} />;
}
