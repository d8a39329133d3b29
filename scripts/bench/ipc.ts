import type { ChildProcess } from "node:child_process";

/**
 * Sends `command` to a process of the benchmark and resolves with the first reply `read` accepts;
 * rejects on a `{ failed }` reply or when the process exits first.
 */
export function ask<Command, Reply extends object, R>(child: ChildProcess, command: Command, read: (reply: Reply) => R | undefined): Promise<R> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if ("failed" in reply) return settle(() => reject(new Error(String(reply.failed))));
      const value = read(reply);
      if (value !== undefined) settle(() => resolve(value));
    };
    const onExit = () => settle(() => reject(new Error("a process of the benchmark exited")));
    const settle = (done: () => void) => {
      child.off("message", onMessage);
      child.off("exit", onExit);
      done();
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(command as object);
  });
}
