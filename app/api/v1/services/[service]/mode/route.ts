import { clearMode, setMode } from "@/lib/domain/modes/set-mode";
import { writeRoute } from "@/lib/http/route";

type Call = { params: { service: string }; body?: unknown };

const withService = ({ params, body }: Call) => ({ ...(body as object), service: params.service });

export const PUT = writeRoute(setMode, withService);

export const DELETE = writeRoute(clearMode, withService);
