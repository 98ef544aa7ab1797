import { boundariesCtyuaImporter } from "./boundaries-ctyua/index";
import { boundariesIcbImporter } from "./boundaries-icb/index";
import { boundariesLadImporter } from "./boundaries-lad/index";
import { boundariesSicblImporter } from "./boundaries-sicbl/index";
import { censusAgeImporter } from "./census-age/index";
import { censusEthnicityImporter } from "./census-ethnicity/index";
import { fingertipsImporter } from "./fingertips/index";
import { fingertipsExtractImporter } from "./fingertips-extract/index";
import { hjpActivityImporter } from "./hjp-activity/index";
import { hjpFundingImporter } from "./hjp-funding/index";
import { hjpServicesImporter } from "./hjp-services/index";
import { hjpTrainingImporter } from "./hjp-training/index";
import { imd2025IcbImporter } from "./imd2025-icb/index";
import { imd2025LsoaImporter } from "./imd2025-lsoa/index";
import { ladRegionImporter } from "./lad-region/index";
import { ladUtlaImporter } from "./lad-utla/index";
import { lsoaIcbImporter } from "./lsoa-icb/index";
import { lsoaLadImporter } from "./lsoa-lad/index";
import { onsCovidMortalityImporter } from "./ons-covid-mortality/index";
import { pcnImdImporter } from "./pcn-imd/index";
import { practiceImdImporter } from "./practice-imd/index";
import { practiceLocationsImporter } from "./practice-locations/index";
import { qofMappingImporter } from "./qof-mapping/index";
import { qofPrevalenceImporter } from "./qof-prevalence/index";
import type { AnyImporter } from "./shared/importer";

/**
 * Every importer, by source name. Adding a source means adding it here; the command
 * line, the first start and the tests all read this map.
 */
const list: AnyImporter[] = [
  lsoaIcbImporter,
  lsoaLadImporter,
  ladUtlaImporter,
  ladRegionImporter,
  qofMappingImporter,
  qofPrevalenceImporter,
  practiceLocationsImporter,
  pcnImdImporter,
  practiceImdImporter,
  censusAgeImporter,
  censusEthnicityImporter,
  imd2025LsoaImporter,
  imd2025IcbImporter,
  boundariesIcbImporter,
  boundariesSicblImporter,
  boundariesCtyuaImporter,
  boundariesLadImporter,
  fingertipsImporter,
  fingertipsExtractImporter,
  onsCovidMortalityImporter,
  hjpServicesImporter,
  hjpActivityImporter,
  hjpTrainingImporter,
  hjpFundingImporter,
];

export const importers: Record<string, AnyImporter> = Object.fromEntries(list.map((i) => [i.source, i]));
