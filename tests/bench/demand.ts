/**
 * Demand modelling speed (issue 11): the pure model's recompute for every
 * neighbourhood in England (about 1,250) with 1,000 simulation draws, as the server
 * runs it, and in a real browser the time from changing a parameter to the updated
 * figures on screen for Greater Manchester.
 */
import { chromium } from "@playwright/test";
import { benchmarkDemandModel, DEMAND_MODEL_TARGET_MS } from "../../app/domain/demand/bench";

export const BROWSER_TARGET_MS = 300;

export function demandServerBench() {
  return benchmarkDemandModel({ now: () => performance.now(), runs: 10 });
}

/**
 * Median over `changes` edits of the incidence field: the clock starts when the
 * input event is dispatched and stops at the first animation frame after the
 * system summary's text has changed (the figures are then on screen).
 */
export async function demandBrowserBench(port: number, cookie: string, changes = 10): Promise<{ median: number; max: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split("=");
    await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/icb/E54000057/demand`);
    // Let the scripts load and hydrate before timing.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const times: number[] = [];
    for (let i = 0; i < changes; i++) {
      const next = (8 + (i % 5)).toString();
      const text = i % 5 === 4 ? "7.5" : next;
      // A string, not a function: tsx's name helpers do not exist in the page.
      times.push(await page.evaluate<number>(`new Promise((resolve, reject) => {
        const summary = document.querySelector("[data-testid=demand-summary]");
        const input = document.getElementById("param-annualIncidence");
        const before = summary.textContent;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        const t0 = performance.now();
        setter.call(input, ${JSON.stringify(text)});
        input.dispatchEvent(new Event("input", { bubbles: true }));
        const wait = () => {
          if (summary.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
          else if (performance.now() - t0 > 10000) reject(new Error("figures did not change"));
          else requestAnimationFrame(wait);
        };
        wait();
      })`));
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
  } finally {
    await browser.close();
  }
}

export { DEMAND_MODEL_TARGET_MS };
