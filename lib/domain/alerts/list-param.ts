import { sql, type SQL } from "drizzle-orm";

/**
 * A list as one parameter, for `x in ${listParam(...)}`: a list spelled out as `($1, $2, …)` makes
 * another statement for every length, and postgres.js prepares each new one on each connection
 * with a round trip of its own (a describe) that also stops the statements behind it.
 */
export function listParam(values: readonly (string | number)[], type: "text" | "bigint" = "text"): SQL {
  return sql`(select value::${sql.raw(type)} from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
