import type { Importer } from "../shared/importer";
import { fundingLoader } from "./load";
import { type FundingRecord, parser } from "./parse";

export const hjpFundingImporter: Importer<FundingRecord> = {
  source: "hjp-funding",
  description: "HJP funding awards (360Giving-aligned; amounts in pounds, stored in pence)",
  parser,
  createLoader: fundingLoader,
};
