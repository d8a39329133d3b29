import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BreakerDetailLive } from "@/components/breakers/breaker-detail-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { NotFound } from "@/lib/domain/errors";
import { serviceBreakers } from "@/lib/domain/breakers/service-breakers";
import { signedIn } from "../../../page-access";
import { overrideBreaker } from "../../actions";

type Params = { service: string; breaker: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { service, breaker } = await params;
  return { title: `${segment(service)}/${segment(breaker)} · Breakers · Breakwater` };
}

export default async function BreakerPage({ params }: { params: Promise<Params> }) {
  const { person } = await signedIn();
  const raw = await params;
  const [service, breaker] = [segment(raw.service), segment(raw.breaker)];
  const initialData = await serviceBreakers(db(), service).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  return (
    <>
      <Link href="/breakers" className="mb-2 inline-block text-xs text-zinc-500 hover:underline dark:text-zinc-400">
        ← All breakers
      </Link>
      <PageHeader title={`${service}/${breaker}`} description="One breaker over its instances, with its transitions." />
      <BreakerDetailLive
        service={service}
        breaker={breaker}
        initialData={initialData}
        actions={can(person.role, setBreakerOverride) ? { overrideBreaker } : null}
      />
    </>
  );
}

// Next.js 16 hands the page its segments percent-encoded but generateMetadata decoded ones; a
// segment that does not decode (a decoded name holding "%") is already a name.
function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
