/**
 * The reference-data parsers by source name, for whoever wires importers (all.ts) and
 * for the tests that run every bundled file through its parser.
 */
import { parser as boundariesCtyua } from "../boundaries-ctyua/parse";
import { parser as boundariesIcb } from "../boundaries-icb/parse";
import { parser as boundariesLad } from "../boundaries-lad/parse";
import { parser as boundariesSicbl } from "../boundaries-sicbl/parse";
import { parser as censusAge } from "../census-age/parse";
import { parser as censusEthnicity } from "../census-ethnicity/parse";
import { parser as imd2025Icb } from "../imd2025-icb/parse";
import { parser as imd2025Lsoa } from "../imd2025-lsoa/parse";
import { parser as ladRegion } from "../lad-region/parse";
import { parser as ladUtla } from "../lad-utla/parse";
import { parser as lsoaIcb } from "../lsoa-icb/parse";
import { parser as lsoaLad } from "../lsoa-lad/parse";
import { parser as pcnImd } from "../pcn-imd/parse";
import { parser as practiceImd } from "../practice-imd/parse";
import { parser as practiceLocations } from "../practice-locations/parse";
import { parser as qofMapping } from "../qof-mapping/parse";
import { parser as qofPrevalence } from "../qof-prevalence/parse";
import type { SourceParser } from "../shared/types";

export const referenceParsers = {
  "lsoa-icb": lsoaIcb,
  "lsoa-lad": lsoaLad,
  "lad-utla": ladUtla,
  "lad-region": ladRegion,
  "qof-mapping": qofMapping,
  "qof-prevalence": qofPrevalence,
  "practice-locations": practiceLocations,
  "pcn-imd": pcnImd,
  "practice-imd": practiceImd,
  "census-age": censusAge,
  "census-ethnicity": censusEthnicity,
  "imd2025-lsoa": imd2025Lsoa,
  "imd2025-icb": imd2025Icb,
  "boundaries-icb": boundariesIcb,
  "boundaries-sicbl": boundariesSicbl,
  "boundaries-ctyua": boundariesCtyua,
  "boundaries-lad": boundariesLad,
} satisfies Record<string, SourceParser<unknown>>;

export type ReferenceSource = keyof typeof referenceParsers;
