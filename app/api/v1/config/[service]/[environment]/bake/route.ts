import { endBake } from "@/lib/domain/config/bake";
import { writeRoute } from "@/lib/http/route";
import { withDocument } from "../with-document";

export const DELETE = writeRoute(endBake, withDocument);
