import { DomainError } from "../errors";

/** A label explosion stops at the service's series cap instead of at the database's disk. */
export class SeriesLimitReached extends DomainError {
  constructor(service: string, limit: number, wanted: number) {
    super("rate_limited", `The service ${service} would exceed its limit of ${limit} metric series (it would have ${wanted}); nothing was written.`, {
      service,
      limit,
    });
  }
}
