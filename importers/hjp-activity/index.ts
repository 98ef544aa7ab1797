import type { Importer } from "../shared/importer";
import { activityLoader } from "./load";
import { type ActivityRecord, parser } from "./parse";

export const hjpActivityImporter: Importer<ActivityRecord> = {
  source: "hjp-activity",
  description: "HJP case-level activity and outcomes (one row per client episode, pseudonymised)",
  parser,
  // Bigger batches mean fewer COPY round trips; 10,000 rows is about 5 MB in hand.
  batchSize: 10_000,
  createLoader: activityLoader,
};
