import { approveChangeRequest, type Approval } from "@/lib/domain/config/change-requests/approve";
import { writeRoute } from "@/lib/http/route";

// A request gone stale is settled and committed as such, and answered as the conflict it is.
const stale = (a: Approval) => a.changeRequest.status === "stale";

export const POST = writeRoute<{ id: string }, Approval>(
  approveChangeRequest,
  ({ params }) => ({ id: params.id }),
  (a) => (stale(a) ? 409 : 200),
  (a) => (stale(a) ? { error: "conflict", message: `The document moved on since change request ${a.changeRequest.id} was made; it is stale now.`, ...a } : a),
);
