import type { Database } from "../../db/client";
import { loadReferenceBundle } from "../../importers/load-bundle";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../db/seed/demo-accounts";
import { ensureDemoAgreements } from "../../db/seed/demo-agreements";
import { DEMO_HJP_ICBS, ensureDemoHjp } from "../../db/seed/demo-hjp";
import { ensureDemoReturns } from "../../db/seed/demo-returns";
import { ensureDemoPack } from "../../db/seed/demo-packs";
import { DEMO_PASSWORD } from "../services/accounts/passwords.server";
import { ensureHjpCells } from "../services/hjp/cells.server";
import { ensureShippedUnitCosts } from "../services/value-for-money/unit-costs.server";
import type { ServerConfig } from "./config";

/**
 * Everything a fresh database needs before the first request: the bundled reference
 * data (loaded once, by checksum) and, in demo mode, the demo users and synthetic data.
 * Returns lines to print once the server is listening.
 */
export async function bootstrap({ database, config, log }: { database: Database; config: ServerConfig; log: (line: string) => void }) {
  if (!config.skipReferenceData) {
    const bundle = await loadReferenceBundle(database, log);
    if (bundle.loaded) log(`Loaded ${bundle.loaded} bundled reference files in ${bundle.seconds.toFixed(1)} s`);
  }
  // The unit values whose licence allows shipping them; values already there (perhaps edited) are kept.
  const unitCosts = await ensureShippedUnitCosts(database.db);
  if (unitCosts.added) log(`Added ${unitCosts.added} shipped unit values to the unit-cost library`);
  if (config.demo) {
    const { created } = await seedDemoAccounts(database.db);
    if (created) log(`Created ${created} demo accounts`);
    // Synthetic HJP data is placed on the real geography, so it needs the reference bundle.
    if (!config.skipReferenceData) {
      const hjp = await ensureDemoHjp(database, { today: new Date().toISOString().slice(0, 10), log });
      if (hjp.status === "loaded") log(`Loaded synthetic demonstration HJP data (${hjp.counts.services} services, ${hjp.counts.activity.toLocaleString("en-GB")} episodes) in ${hjp.seconds.toFixed(1)} s`);
      // Agreements cover the synthetic services, so they come after them.
      const agreementsSeed = await ensureDemoAgreements(database, { today: new Date().toISOString().slice(0, 10) });
      if (agreementsSeed.status === "loaded") log(`Created ${agreementsSeed.created} synthetic demonstration partnership agreements`);
      const returns = await ensureDemoReturns(database, { today: new Date().toISOString().slice(0, 10) });
      if (returns.status === "loaded") log(`Created reporting requirements for ${returns.requirements} synthetic demo services and ${returns.returns} demo returns`);
      if ((await ensureDemoPack(database.db)).created) log("Created a demo strategy evidence pack");
      // Pages rebuild an ICB's roll-up cells after any change; building the demo ICBs'
      // now spares the first visitor to each dashboard the wait.
      const t0 = performance.now();
      const built = [];
      for (const icb of DEMO_HJP_ICBS) if (await ensureHjpCells(database.db, icb.code)) built.push(icb.code);
      if (built.length) log(`Built the HJP roll-up cells of ${built.length} demo ICBs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    config.startupNotes.push(
      "",
      "Demo mode: sign in at /login with any of these (password: " + DEMO_PASSWORD + ")",
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(26)} ${a.role}`),
    );
  }
}
