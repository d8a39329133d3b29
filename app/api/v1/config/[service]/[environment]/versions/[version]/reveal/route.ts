import { revealConfig } from "@/lib/domain/config/reveal";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute(revealConfig, ({ params }: { params: { service: string; environment: string; version: string } }) => params);
