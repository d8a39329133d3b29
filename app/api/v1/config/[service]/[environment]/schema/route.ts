import { setConfigSchema } from "@/lib/domain/config/set-schema";
import { writeRoute } from "@/lib/http/route";
import { withDocument } from "../with-document";

export const PUT = writeRoute(setConfigSchema, withDocument);
