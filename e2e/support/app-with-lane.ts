import { seedUser } from "./accounts";
import { startApp, type TestApp } from "./app";
import type { Caller } from "./http";
import { startLane, type TestLane } from "./lane";

/** A console with its service lane on the file's database, and a signed-in operator and admin. */
export async function startAppWithLane(): Promise<{ app: TestApp; lane: TestLane; operator: Caller; admin: Caller }> {
  const app = await startApp();
  const lane = await startLane(app.databaseUrl);
  const op = await seedUser(app.database.db, "operator");
  const ad = await seedUser(app.database.db, "admin");
  return { app, lane, operator: await app.signedIn(op.email, op.password), admin: await app.signedIn(ad.email, ad.password) };
}
