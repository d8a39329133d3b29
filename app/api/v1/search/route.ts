import { db } from "@/lib/db/client";
import { parseParams } from "@/lib/domain/metrics/parse-params";
import { findAnything, findInput } from "@/lib/domain/search/find-anything";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", ({ req }) => findAnything(db(), parseParams(findInput, req.url)));
