import type { Metadata } from "next";
import Link from "next/link";
import { ServiceMetrics } from "@/components/metrics/service-metrics";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { listMetricServices } from "@/lib/domain/metrics/catalog";
import { signedIn } from "../../page-access";

export async function generateMetadata({ params }: { params: Promise<{ service: string }> }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).service)} · Metrics · Breakwater` };
}

export default async function ServiceMetricsPage({ params }: { params: Promise<{ service: string }> }) {
  await signedIn();
  const service = decodeURIComponent((await params).service);
  const catalog = await listMetricServices(db());
  return (
    <>
      <PageHeader
        title={service}
        description={
          <>
            <Link href="/metrics" className="underline">
              Metrics
            </Link>{" "}
            · markers on the charts are mode flips, overrides, config changes, breaker trips and alerts; hover one for what it was.
          </>
        }
      />
      <ServiceMetrics service={service} initialCatalog={catalog} />
    </>
  );
}
