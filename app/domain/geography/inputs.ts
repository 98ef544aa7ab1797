/**
 * What the footprint builder reads: the fields it needs from each parsed reference
 * file. The importers' record types (importers/<source>/parse.ts) carry these fields
 * and more; the domain names only what it uses, so that it depends on no importer.
 */

/** lsoa-icb: LSOA 2021 → sub-ICB location → ICB (2024 codes). */
export type LsoaIcbRow = {
  lsoaCode: string;
  sicblCode: string;
  sicblOdsCode: string;
  sicblName: string;
  icbCode: string;
  icbOdsCode: string;
  icbName: string;
};

/** lsoa-lad: LSOA 2021 → local authority district (2024). */
export type LsoaLadRow = { lsoaCode: string; ladCode: string; ladName: string };

/** lad-utla: district → upper-tier authority (county or unitary). */
export type LadUtlaRow = { ladCode: string; utlaCode: string; utlaName: string };

/** census-age: Census 2021 usual residents by age band. */
export type CensusAgeRow = {
  lsoaCode: string;
  total: number;
  bands: { fromAge: number; toAge: number | null; count: number }[];
};

/** imd2025-lsoa: IMD 2025 score of each LSOA. */
export type ImdLsoaRow = { lsoaCode: string; imdScore: number };

/** qof-mapping: practice → PCN → sub-ICB → ICB, QOF 2022-23 (2022 ONS codes). */
export type PracticeMappingRow = {
  practiceCode: string;
  practiceName: string;
  /** null for the pseudo-PCN "U". */
  pcnCode: string | null;
  pcnName: string;
  sicblOdsCode: string;
  sicblCode: string;
  icbOdsCode: string;
  icbCode: string;
};

/** qof-prevalence: a practice's list size for one register's list type. */
export type PracticeListRow = { practiceCode: string; listType: string; listSize: number };

/** practice-locations: the LSOA 2021 a practice stands in. */
export type PracticeLocationRow = { practiceCode: string; practiceName: string; lsoa21Code: string };

/** pcn-imd: the derived, patient-weighted IMD 2019 score of a PCN. */
export type PcnImdRow = { pcnCode: string; pcnName: string; imd2019Score: number };

export type FootprintInputs = {
  lsoaIcb: readonly LsoaIcbRow[];
  lsoaLad: readonly LsoaLadRow[];
  ladUtla: readonly LadUtlaRow[];
  censusAge: readonly CensusAgeRow[];
  imdLsoa: readonly ImdLsoaRow[];
  practiceMapping: readonly PracticeMappingRow[];
  practiceLists: readonly PracticeListRow[];
  practiceLocations: readonly PracticeLocationRow[];
  pcnImd: readonly PcnImdRow[];
};
