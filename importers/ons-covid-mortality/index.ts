import { CATALOGUE } from "../../app/domain/indicators/catalogue";
import type { Figure } from "../../app/domain/indicators/figures";
import { figureLoader } from "../fingertips/load";
import type { Importer } from "../shared/importer";
import { INDICATOR_ID, parser } from "./parse";

export const onsCovidMortalityImporter: Importer<Figure> = {
  source: "ons-covid-mortality",
  description: "ONS deaths involving COVID-19, age-standardised rates by local authority, 1 March to 17 April 2020",
  parser,
  createLoader: figureLoader({ source: "ons-covid-mortality", metadata: () => ({ meta: CATALOGUE.get(INDICATOR_ID)!, basis: "catalogue" }) }),
};
