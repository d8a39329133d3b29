import { settledResidentKb } from "./server-process";
import { openSubscribers } from "./subscribers";
import type { Section } from "./table";

const SUBSCRIBERS = 1_000;

/** The server's resident memory idle and while holding 1,000 open event streams. */
export const memorySection: Section = async (stack, log) => {
  log("warming up the stream route");
  await (await openSubscribers(stack, 10)).close();
  const idleKb = await settledResidentKb(stack.serverPid);
  log(`opening ${SUBSCRIBERS} subscribers`);
  const subscribers = await openSubscribers(stack, SUBSCRIBERS);
  const loadedKb = await settledResidentKb(stack.serverPid).finally(() => subscribers.close());
  const perSubscriber = (loadedKb - idleKb) / SUBSCRIBERS;
  return [
    { figure: "server RSS, 0 subscribers", value: `${(idleKb / 1024).toFixed(1)} MiB`, target: "", vsBaseline: "" },
    { figure: `server RSS, ${SUBSCRIBERS} subscribers`, value: `${(loadedKb / 1024).toFixed(1)} MiB`, target: "", vsBaseline: "" },
    { figure: "memory per subscriber", value: `${perSubscriber.toFixed(1)} KB`, target: "≤ 100 KB", vsBaseline: "" },
  ];
};
