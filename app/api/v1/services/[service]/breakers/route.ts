import { db } from "@/lib/db/client";
import { serviceBreakers } from "@/lib/domain/breakers/service-breakers";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ service: string }>("viewer", ({ params }) => serviceBreakers(db(), params.service));
