type Call = { params: { service: string; environment: string }; body?: unknown };

/** A verb's input: the body's fields and the document named by the path. */
export const withDocument = ({ params, body }: Call) => ({ ...(body as object), service: params.service, environment: params.environment });
