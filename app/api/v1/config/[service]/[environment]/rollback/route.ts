import { rollbackConfig } from "@/lib/domain/config/rollback";
import { writeRoute } from "@/lib/http/route";
import { withDocument } from "../with-document";

export const POST = writeRoute(rollbackConfig, withDocument, 201);
