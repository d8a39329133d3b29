import { revokeToken } from "@/lib/domain/access/service-tokens";
import { writeRoute } from "@/lib/http/route";

export const DELETE = writeRoute(revokeToken, ({ params }: { params: { name: string } }) => ({ name: params.name }));
