// postgres.js's codes for a connection lost or refused, and PostgreSQL's for a server shutting down
// or starting up: the database is away, which a client should retry, not a fault of the request.
const DATABASE_AWAY = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03"]);

/** Whether `error` (or a cause of it: drizzle wraps the driver's error) says the database is away. */
export function databaseAway(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (DATABASE_AWAY.has(String((e as { code?: unknown }).code))) return true;
  return false;
}
