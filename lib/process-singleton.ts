// Next.js may load one module in several bundles of one process (instrumentation, route handlers,
// pages), each with module state of its own; what must exist once per process is kept on globalThis.
const slots = globalThis as unknown as Record<symbol, unknown>;

/** This process's one `key`, made by `create` on first use. State that changes lives inside it. */
export function processSingleton<T>(key: string, create: () => T): T {
  const slot = Symbol.for(`breakwater.${key}`);
  if (!(slot in slots)) slots[slot] = create();
  return slots[slot] as T;
}
