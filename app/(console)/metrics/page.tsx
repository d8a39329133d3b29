import type { Metadata } from "next";
import Link from "next/link";
import { MetricServices } from "@/components/metrics/metric-services";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { listMetricServices } from "@/lib/domain/metrics/catalog";
import { signedIn } from "../page-access";

export const metadata: Metadata = { title: "Metrics · Breakwater" };

export default async function MetricsPage() {
  await signedIn();
  const catalog = await listMetricServices(db());
  return (
    <>
      <PageHeader
        title="Metrics"
        description="Each service's curves, with the flips, overrides, publishes and alerts that moved them."
        actions={
          <Link href="/metrics/rules" className="text-sm text-accent-700 underline dark:text-accent-400">
            Alert rules
          </Link>
        }
      />
      <MetricServices initialData={catalog} />
    </>
  );
}
