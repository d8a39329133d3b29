import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { writeRoute } from "@/lib/http/route";

type Call = { params: { service: string; name: string }; body?: unknown };

export const PUT = writeRoute(setBreakerOverride, ({ params, body }: Call) => ({ ...(body as object), service: params.service, breaker: params.name }));
