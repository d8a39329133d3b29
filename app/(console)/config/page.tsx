import type { Metadata } from "next";
import { ConfigLive } from "@/components/config/config-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { endBake } from "@/lib/domain/config/bake";
import { listVersions } from "@/lib/domain/config/list-versions";
import { configOverview } from "@/lib/domain/config/overview";
import { publishConfig } from "@/lib/domain/config/publish";
import { signedIn } from "../page-access";
import { cancelSchedule, scheduleChange } from "../schedule-actions";
import {
  addConfigEnvironment,
  approveRequest,
  endBakeEarly,
  moveRollout,
  publish,
  rejectRequest,
  removeTemplate,
  reveal,
  reviewRequest,
  rollback,
  saveAsTemplate,
  savePolicy,
  saveSchema,
} from "./actions";

export const metadata: Metadata = { title: "Config · Breakwater" };

type Search = Promise<{ service?: string; environment?: string }>;

export default async function ConfigPage({ searchParams }: { searchParams: Search }) {
  const { person } = await signedIn();
  const overview = await configOverview(db());
  const asked = await searchParams;
  const service = asked.service && overview.services.includes(asked.service) ? asked.service : (overview.documents[0]?.service ?? overview.services[0] ?? null);
  const environment = asked.environment && overview.environments.includes(asked.environment) ? asked.environment : "production";
  const versions = service ? await listVersions(db(), service, environment, { limit: 50 }) : null;
  return (
    <>
      <PageHeader title="Config" description="Versioned config per service and environment: publish, compare, roll back, and see which instances run it." />
      <ConfigLive
        key={`${service}/${environment}`}
        overview={overview}
        selected={service ? { service, environment } : null}
        initialVersions={versions}
        can={{ edit: can(person.role, publishConfig), endBake: can(person.role, endBake), me: person.email }}
        actions={{ publish, rollback, saveSchema, endBakeEarly, reveal, saveAsTemplate, removeTemplate, addConfigEnvironment, savePolicy, approveRequest, rejectRequest, reviewRequest, moveRollout }}
        scheduleActions={{ scheduleChange, cancelSchedule }}
      />
    </>
  );
}
