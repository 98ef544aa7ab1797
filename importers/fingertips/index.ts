import { CATALOGUE } from "../../app/domain/indicators/catalogue";
import type { Figure } from "../../app/domain/indicators/figures";
import { inferMetadata } from "../../app/domain/indicators/infer";
import type { Importer } from "../shared/importer";
import { figureLoader, type MetadataFor } from "./load";
import { parser } from "./parse";

/**
 * The catalogue's metadata where the product knows the indicator, with the name the
 * export gives it; otherwise what the export itself shows (infer.ts).
 */
export const fingertipsMetadata: MetadataFor = (id, name, figures) => {
  const known = CATALOGUE.get(id);
  if (known) return { meta: { ...known, name }, basis: "catalogue" };
  return { meta: inferMetadata(id, name, figures), basis: "inferred" };
};

export const fingertipsImporter: Importer<Figure> = {
  source: "fingertips",
  description: "OHID Fingertips CSV export (any indicator, any area type), as downloaded",
  parser,
  createLoader: figureLoader({ source: "fingertips", metadata: fingertipsMetadata }),
};
