import { alertmanagerInstalled, startAlertmanager, type Alertmanager } from "./alerts-alertmanager";
import { measureBrowserLatency } from "./alerts-browser-latency";
import { alertmanagerTarget, consoleTarget, INTAKE, intakeAlerts, measureIntake, payloads, postWebhook, type BenchAlert, type IntakeRun } from "./alerts-intake";
import { fireAtAlertmanager, fireAtConsole, measurePageLatency, PAGES, routeToReceiver, type PageLatency } from "./alerts-page-latency";
import { startReceiver } from "./alerts-receiver";
import { eachLimited } from "./stats";
import { ms, ratio, type Row, type Section } from "./table";

const P95_TARGET_MS = 50;

/**
 * Alerts, beside a real Prometheus Alertmanager 0.25 on the same machine when Debian's package is
 * installed: intake of 5,000 distinct alerts through the webhook (first as new alerts, then sent
 * again as Prometheus re-sends them) at 4 and at 32 requests in flight, fire-to-page through a
 * local webhook receiver with no group wait, and fire-to-browser through the event stream and the
 * Alerts page's list.
 */
export const alertsSection: Section = async (stack, log) => {
  const run = `r${Date.now().toString(36)}`;
  const receiver = await startReceiver();
  let alertmanager: Alertmanager | null = null;
  try {
    if (alertmanagerInstalled()) {
      alertmanager = await startAlertmanager(`${receiver.url}/alertmanager`);
      log(`Alertmanager on ${alertmanager.origin}`);
    } else log("Alertmanager is not installed (apt-get install prometheus-alertmanager): no baseline");

    const rows: Row[] = [];
    const sent: BenchAlert[] = [];
    for (const concurrency of INTAKE.concurrencies) {
      const alerts = intakeAlerts(`${run}-${concurrency}`);
      sent.push(...alerts);
      const shape = `${INTAKE.alerts} distinct alerts, ${INTAKE.perPayload} a request, ${concurrency} in flight`;
      log(`alert intake, console: ${shape}, new then sent again`);
      const ours = { fresh: await measureIntake(consoleTarget(stack), alerts, concurrency), again: await measureIntake(consoleTarget(stack), alerts, concurrency) };
      let theirs: typeof ours | null = null;
      if (alertmanager) {
        log(`alert intake, Alertmanager: ${shape}, new then sent again`);
        const target = alertmanagerTarget(alertmanager.origin, alertmanager.pid);
        theirs = { fresh: await measureIntake(target, alerts, concurrency), again: await measureIntake(target, alerts, concurrency) };
      }
      rows.push(...intakeRows(`new, ${concurrency} in flight`, ours.fresh, theirs?.fresh ?? null));
      rows.push(...intakeRows(`sent again, ${concurrency} in flight`, ours.again, theirs?.again ?? null));
    }

    log(`fire-to-page: ${PAGES.samples} alerts one at a time to a local webhook, group wait 0`);
    await routeToReceiver(stack, receiver);
    const page = await measurePageLatency(receiver, run, fireAtConsole(stack));
    const amPage = alertmanager ? await measurePageLatency(receiver, `${run}-am`, fireAtAlertmanager(alertmanager.origin)) : null;

    log("fire-to-browser: the event stream and the Alerts page's list");
    const browser = await measureBrowserLatency(stack, run);

    log("resolving the intake alerts, so later sections find a quiet console");
    await eachLimited(payloads(sent), Math.max(...INTAKE.concurrencies), async (batch) => void (await postWebhook(stack, batch, "resolved")));

    return [
      ...rows,
      ...pageRows(page, amPage),
      { figure: "fire-to-browser, alert event p50 / p95", value: `${ms(browser.event.p50)} / ${ms(browser.event.p95)}`, target: "", vsBaseline: "" },
      { figure: "fire-to-browser, row in list p50 / p95", value: `${ms(browser.row.p50)} / ${ms(browser.row.p95)}`, target: `p95 ≤ ${P95_TARGET_MS} ms`, vsBaseline: "" },
      { figure: "fire-to-browser, rows missing", value: `${browser.missing} of ${browser.row.count + browser.missing}`, target: "0", vsBaseline: "" },
    ];
  } finally {
    await alertmanager?.stop();
    await receiver.stop();
  }
};

function intakeRows(pass: string, ours: IntakeRun, theirs: IntakeRun | null): Row[] {
  const rows: Row[] = [
    {
      figure: `alert intake, ${pass}, alerts/s`,
      value: ours.alertsPerSecond.toFixed(0),
      target: theirs ? "≥ Alertmanager" : "",
      vsBaseline: theirs ? ratio(ours.alertsPerSecond, theirs.alertsPerSecond) : "",
    },
    { figure: `alert intake, ${pass}, p50 / p99 a request`, value: `${ms(ours.latency.p50)} / ${ms(ours.latency.p99)}`, target: "", vsBaseline: theirs ? ratio(ours.latency.p99, theirs.latency.p99) : "" },
    { figure: `alert intake, ${pass}, CPU per alert`, value: ms(ours.cpuMsPerAlert), target: "", vsBaseline: theirs ? ratio(ours.cpuMsPerAlert, theirs.cpuMsPerAlert) : "" },
    { figure: `alert intake, ${pass}, failed requests`, value: String(ours.failed), target: "0", vsBaseline: "" },
  ];
  if (theirs) {
    rows.push({
      figure: `Alertmanager intake, ${pass} (baseline)`,
      value: `${theirs.alertsPerSecond.toFixed(0)}/s, p99 ${ms(theirs.latency.p99)}, CPU ${ms(theirs.cpuMsPerAlert)}/alert`,
      target: "",
      vsBaseline: "1×",
    });
  }
  return rows;
}

function pageRows(ours: PageLatency, theirs: PageLatency | null): Row[] {
  const rows: Row[] = [
    {
      figure: "fire-to-page p50 / p95",
      value: `${ms(ours.latency.p50)} / ${ms(ours.latency.p95)}`,
      target: `p95 ≤ ${P95_TARGET_MS} ms`,
      vsBaseline: theirs ? ratio(ours.latency.p95, theirs.latency.p95) : "",
    },
    { figure: "fire-to-page, pages missing", value: `${ours.missing} of ${PAGES.samples}`, target: "0", vsBaseline: "" },
  ];
  if (theirs) {
    rows.push({ figure: "Alertmanager fire-to-page p50 / p95 (baseline)", value: `${ms(theirs.latency.p50)} / ${ms(theirs.latency.p95)}, ${theirs.missing} missing`, target: "", vsBaseline: "1×" });
  }
  return rows;
}
