import { db } from "@/lib/db/client";
import { findAnything, findInput } from "@/lib/domain/search/find-anything";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", ({ query }) => findAnything(db(), query), findInput);
