import { db } from "@/lib/db/client";
import { attention } from "@/lib/domain/overview/attention";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => attention(db()));
