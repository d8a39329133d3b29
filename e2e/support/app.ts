import { inject } from "vitest";
import { connect, type Database } from "@/lib/db/client";
import { Caller, signIn, type Credentials } from "./http";
import { startServer, type Server } from "./server";
import { createTestDatabase, runtimeUrlFor } from "./test-database";

/** One test file's console: its own database copied from the template and its own `next start`. */
export interface TestApp {
  url: string;
  /** What the console connects with: the file's database as the runtime role. */
  databaseUrl: string;
  /** A pool on the file's database as the superuser, for seeding through verbs and for checking rows. */
  database: Database;
  caller(credentials: Credentials): Caller;
  /** A caller holding the session cookie of a fresh sign-in. */
  signedIn(email: string, password: string): Promise<Caller>;
  stop(): Promise<void>;
}

export async function startApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase(inject("testDatabaseServer"));
  const database = connect(testDatabase.url, 10);
  const databaseUrl = runtimeUrlFor(testDatabase.url);
  let server: Server;
  try {
    server = await startServer(databaseUrl, options.env);
  } catch (error) {
    await database.close();
    await testDatabase.drop();
    throw error;
  }
  const url = server.url;
  return {
    url,
    databaseUrl,
    database,
    caller: (credentials) => new Caller(url, credentials),
    async signedIn(email, password) {
      const result = await signIn(url, email, password);
      if (!result.ok) throw new Error(`sign-in of ${email} failed: ${result.error}`);
      return new Caller(url, { cookie: result.cookie });
    },
    async stop() {
      await server.stop();
      await database.close();
      await testDatabase.drop();
    },
  };
}
