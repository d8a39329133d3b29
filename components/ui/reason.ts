/** The contract asks a reason of at least 3 characters for every flip, override and rollback; say so before the server does. */
export const reasonProblem = (reason: string): string | null => (reason.trim().length < 3 ? "Give a reason of at least 3 characters." : null);
