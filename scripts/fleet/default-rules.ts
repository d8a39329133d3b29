import { connect } from "@/lib/db/client";
import { seedFleetRules } from "@/lib/domain/rules/fleet-rules";

/** The fleet's default alert rules (error rate, p99 latency, open breakers), added when missing. */
export async function seedDefaultRules(databaseUrl: string, services: string[]): Promise<void> {
  const { db, close } = connect(databaseUrl, 1);
  try {
    await seedFleetRules(db, services);
  } finally {
    await close();
  }
}
