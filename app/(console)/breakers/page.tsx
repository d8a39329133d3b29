import type { Metadata } from "next";
import { BreakersLive } from "@/components/breakers/breakers-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { listBreakerCards } from "@/lib/domain/breakers/list-breaker-cards";
import { signedIn } from "../page-access";
import { overrideBreaker } from "./actions";

export const metadata: Metadata = { title: "Breakers · Breakwater" };

export default async function BreakersPage() {
  const { person } = await signedIn();
  const breakers = await listBreakerCards(db());
  return (
    <>
      <PageHeader title="Breakers" description="Every circuit breaker of the fleet over its instances, trouble first." />
      <BreakersLive initialData={{ breakers }} actions={can(person.role, setBreakerOverride) ? { overrideBreaker } : null} />
    </>
  );
}
