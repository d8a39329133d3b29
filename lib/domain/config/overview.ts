import { asc, sql } from "drizzle-orm";
import { configDocuments, configTemplates, configVersions, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { maskSecrets } from "../audit/mask";
import { configDeliveries } from "../control/delivery";
import type { Delivery } from "../control/delivery-types";
import { listEnvironments } from "./environments";

export interface ConfigOverview {
  environments: string[];
  services: string[];
  documents: {
    service: string;
    environment: string;
    version: number;
    publishedAt: string | null;
    publishedBy: string | null;
    /** How far the current version has reached the live instances of its environment. */
    delivery: Delivery | null;
  }[];
  templates: { name: string; body: Record<string, unknown>; updatedBy: string; updatedAt: string }[];
}

/** What the config page picks from: environments, services, the documents published so far and the templates. */
export async function configOverview(db: Db, now = new Date()): Promise<ConfigOverview> {
  const [environments, serviceRows, documents, templates, deliveries] = await Promise.all([
    listEnvironments(db),
    db.select({ name: services.name }).from(services).orderBy(asc(services.name)),
    db
      .select({ service: configDocuments.service, environment: configDocuments.environment, version: configDocuments.currentVersion, publishedAt: configVersions.createdAt, publishedBy: configVersions.author })
      .from(configDocuments)
      .leftJoin(
        configVersions,
        sql`${configVersions.service} = ${configDocuments.service} and ${configVersions.environment} = ${configDocuments.environment} and ${configVersions.version} = ${configDocuments.currentVersion}`,
      )
      .orderBy(asc(configDocuments.service), asc(configDocuments.environment)),
    db.select().from(configTemplates).orderBy(asc(configTemplates.name)),
    configDeliveries(db, now),
  ]);
  return {
    environments,
    services: serviceRows.map((s) => s.name),
    documents: documents.map((d) => ({ ...d, publishedAt: d.publishedAt?.toISOString() ?? null, delivery: deliveries.get(`${d.service}/${d.environment}`) ?? null })),
    templates: templates.map((t) => ({ name: t.name, body: maskSecrets(t.body), updatedBy: t.updatedBy, updatedAt: t.updatedAt.toISOString() })),
  };
}
