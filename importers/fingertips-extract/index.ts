import { CATALOGUE } from "../../app/domain/indicators/catalogue";
import type { Figure } from "../../app/domain/indicators/figures";
import { figureLoader } from "../fingertips/load";
import type { Importer } from "../shared/importer";
import { parser } from "./parse";

export const fingertipsExtractImporter: Importer<Figure> = {
  source: "fingertips-extract",
  description: "Fingertips figures reshaped to ten columns (healthy life expectancy, life expectancy, under-75 preventable mortality)",
  parser,
  // The parser admits only catalogued indicators, so their metadata is always the catalogue's.
  createLoader: figureLoader({ source: "fingertips-extract", metadata: (id) => ({ meta: CATALOGUE.get(id)!, basis: "catalogue" }) }),
};
