/**
 * The bundled reference data, in the order the first start loads it: lookups first,
 * then what joins to them (practice lists after the practice mapping, deprivation and
 * Census after the LSOA lookups, boundaries last). Each entry is what
 * `npm run import -- <source> importers/reference-data/<file>` would load by hand.
 *
 * `file` is relative to this folder (importers/reference-data/). Provenance, licence
 * and attribution of every file: PROVENANCE.md beside this file.
 */
export type ManifestEntry = { source: string; file: string; description: string };

export const manifest: readonly ManifestEntry[] = [
  {
    source: "lsoa-icb",
    file: "geography/ons_lsoa21_sicbl24_icb24_lookup_2024.csv.gz",
    description: "ONS LSOA 2021 → sub-ICB location → ICB lookup, April 2024 (42 ICBs, 106 sub-ICB locations)",
  },
  {
    source: "lsoa-lad",
    file: "geography/ons_lsoa21_ward24_lad24_lookup_2024.csv.gz",
    description: "ONS LSOA 2021 → ward → local authority district lookup, May 2024",
  },
  {
    source: "lad-utla",
    file: "geography/ons_ltla23_utla23_lookup.csv.gz",
    description: "ONS lower-tier → upper-tier local authority lookup, 2023",
  },
  {
    source: "lad-region",
    file: "geography/ons_lad24_region24_lookup.csv.gz",
    description: "ONS local authority district → region lookup, 2024",
  },
  {
    source: "qof-mapping",
    file: "pcn/nhsd_qof_2223_mapping_nhs_geographies.csv.gz",
    description: "NHS Digital QOF 2022-23 practice → PCN → sub-ICB → ICB mapping",
  },
  {
    source: "qof-prevalence",
    file: "pcn/nhsd_qof_2223_prevalence_practice_list_sizes.csv.gz",
    description: "NHS Digital QOF 2022-23 practice registers and list sizes (total, 18+ and other age lists)",
  },
  {
    source: "practice-locations",
    file: "pcn/derived_practice_pcn_location_geocoded_onspd_nov2023.csv.gz",
    description: "GP practice locations geocoded to LSOA 2021 (ONSPD Nov 2023; derived)",
  },
  {
    source: "pcn-imd",
    file: "pcn/derived_pcn_imd2019_from_gpreg_lsoa_jan2023.csv.gz",
    description: "PCN IMD 2019 score weighted by registered patients, Jan 2023 (derived)",
  },
  {
    source: "practice-imd",
    file: "deprivation/ohid_fingertips_93553_gp_practice_imd_score.csv.gz",
    description: "OHID Fingertips 93553 GP practice deprivation score (IMD 2010, 2015, 2019)",
  },
  {
    source: "census-age",
    file: "population/ons_census2021_ts007a_age_5yr_bands_lsoa21.csv.gz",
    description: "ONS Census 2021 TS007A usual residents by five-year age band, LSOA 2021",
  },
  {
    source: "census-ethnicity",
    file: "census/ons_census2021_ts021_ethnic_group_lsoa21.csv.gz",
    description: "ONS Census 2021 TS021 ethnic group, LSOA 2021",
  },
  {
    source: "imd2025-lsoa",
    file: "deprivation/mhclg_iod2025_lsoa21_scores_ranks_deciles.csv.gz",
    description: "MHCLG English Indices of Deprivation 2025 by LSOA 2021 (scores, ranks, deciles)",
  },
  {
    source: "imd2025-icb",
    file: "deprivation/mhclg_iod2025_icb24_summaries.csv.gz",
    description: "MHCLG English Indices of Deprivation 2025 ICB summaries",
  },
  {
    source: "boundaries-icb",
    file: "boundaries/ons_icb_apr2023_en_bsc.geojson.gz",
    description: "ONS ICB boundaries, April 2023, generalised",
  },
  {
    source: "boundaries-sicbl",
    file: "boundaries/ons_sicbl_apr2023_en_bsc.geojson.gz",
    description: "ONS sub-ICB location boundaries, April 2023, generalised",
  },
  {
    source: "boundaries-ctyua",
    file: "boundaries/ons_ctyua_dec2023_uk_bsc.geojson.gz",
    description: "ONS county and unitary authority boundaries, December 2023, generalised",
  },
  {
    source: "boundaries-lad",
    file: "boundaries/ons_lad_may2024_uk_bsc.geojson.gz",
    description: "ONS local authority district boundaries, May 2024, generalised (for local-authority maps)",
  },
];

/**
 * Indicator files: loaded after the footprints are built (so that a code the
 * geography lacks is told apart from one it has), each through its own importer, as
 * `npm run import -- <source> importers/reference-data/<file>` would by hand.
 */
export const indicatorManifest: readonly ManifestEntry[] = [
  {
    source: "fingertips",
    file: "fingertips/ohid_fingertips_93881_adult_obesity_all_areas.csv.gz",
    description: "OHID Fingertips 93881 adult obesity prevalence, all area types, 2015/16 to 2023/24",
  },
  {
    source: "fingertips",
    file: "fingertips/ohid_fingertips_modelled_prevalence_districtua_pre2019_2015.csv.gz",
    description: "PHE Fingertips modelled prevalence (8 indicators incl. 92661 depression), districts and UAs before April 2019, 2015",
  },
  {
    source: "fingertips-extract",
    file: "fingertips/ohid_fingertips_90362_hle_birth_ua_reshaped.csv.gz",
    description: "OHID Fingertips 90362 healthy life expectancy at birth by sex, unitary authorities, 2015-17 to 2022-24 (reshaped extract)",
  },
  {
    source: "fingertips-extract",
    file: "fingertips/ohid_fingertips_90366_le_birth_district_ua_reshaped.csv.gz",
    description: "OHID Fingertips 90366 life expectancy at birth by sex, districts and UAs, 2015-17 to 2023-25 (reshaped extract)",
  },
  {
    source: "fingertips-extract",
    file: "fingertips/ohid_fingertips_93721_u75_preventable_mortality_district_ua_reshaped.csv.gz",
    description: "OHID Fingertips 93721 under-75 preventable mortality by sex, districts and UAs, 2014 to 2024 (reshaped extract)",
  },
  {
    source: "ons-covid-mortality",
    file: "ons/ons_covid19_asmr_lad19_1mar_17apr2020.csv.gz",
    description: "ONS deaths involving COVID-19, age-standardised rates by local authority (2019), 1 March to 17 April 2020",
  },
];
