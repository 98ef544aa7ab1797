/**
 * Code patterns for the ONS and NHS (ODS) geographies the product joins on.
 *
 * Each pattern says what a valid code looks like, so that parsers reject a cell that
 * is not a code at all (a name in the wrong column, a truncated code) rather than
 * letting it through to a join that silently matches nothing.
 */
export type CodePattern = { pattern: RegExp; label: string };

export const codes = {
  /** ONS country code for England. */
  england: { pattern: /^E92000001$/, label: "England country code (E92000001)" },
  lsoa21: { pattern: /^E01\d{6}$/, label: "English LSOA code (E01 and 6 digits)" },
  lsoa11: { pattern: /^E01\d{6}$/, label: "English LSOA 2011 code (E01 and 6 digits)" },
  /** Welsh LSOAs share the files but are out of scope: parsers skip them by this pattern. */
  welshLsoa: { pattern: /^W01\d{6}$/, label: "Welsh LSOA code (W01 and 6 digits)" },
  outputArea: { pattern: /^E00\d{6}$/, label: "English output area code (E00 and 6 digits)" },
  ward: { pattern: /^E05\d{6}$/, label: "English ward code (E05 and 6 digits)" },
  /** Lower-tier authority: unitary (E06), shire district (E07), metropolitan district (E08), London borough (E09). */
  lad: { pattern: /^E0[6-9]\d{6}$/, label: "English local authority district code (E06–E09 and 6 digits)" },
  welshLad: { pattern: /^W06\d{6}$/, label: "Welsh unitary authority code (W06 and 6 digits)" },
  /** Upper-tier authority: unitary, metropolitan district, London borough, or county (E10). */
  utla: { pattern: /^E(06|08|09|10)\d{6}$/, label: "English upper-tier authority code (E06, E08, E09 or E10 and 6 digits)" },
  region: { pattern: /^E12\d{6}$/, label: "English region code (E12 and 6 digits)" },
  nhsRegion: { pattern: /^E40\d{6}$/, label: "NHS England region code (E40 and 6 digits)" },
  icb: { pattern: /^E54\d{6}$/, label: "ICB code (E54 and 6 digits)" },
  sicbl: { pattern: /^E38\d{6}$/, label: "sub-ICB location code (E38 and 6 digits)" },
  icbOds: { pattern: /^Q[A-Z0-9]{2}$/, label: "ICB ODS code (Q and 2 characters)" },
  /** Sub-ICB locations keep their CCG's code (e.g. 01G) or, where created in 2022, a five-character code (e.g. D4U1Y). */
  sicblOds: { pattern: /^(\d{2}[A-Z]|[A-Z]\d[A-Z]\d[A-Z])$/, label: "sub-ICB location ODS code (e.g. 01G or D4U1Y)" },
  nhsRegionOds: { pattern: /^Y\d{2}$/, label: "NHS region ODS code (Y and 2 digits)" },
  practice: { pattern: /^[A-Z]\d{5}$/, label: "GP practice ODS code (a letter and 5 digits)" },
  pcn: { pattern: /^U\d{5}$/, label: "PCN ODS code (U and 5 digits)" },
  postcode: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, label: "UK postcode" },
} as const satisfies Record<string, CodePattern>;

/**
 * The pseudo-PCN code NHS files give practices that belong to no PCN ("unallocated").
 * It is not a neighbourhood: parsers turn it into `pcnCode: null`.
 */
export const UNALLOCATED_PCN = "U";

/**
 * ONS codes re-issued in April 2023 for Surrey Heartlands and Sussex ICBs and two of
 * their sub-ICB locations (importers/reference-data/PROVENANCE.md). The ODS codes did not
 * change, so files of different vintages are joined on ODS codes; this table is
 * what the join is expected to find, and the footprint builder reports any other
 * ONS code change it meets.
 */
export const APRIL_2023_RECODING = [
  { kind: "icb", odsCode: "QXU", name: "NHS Surrey Heartlands ICB", from: "E54000052", to: "E54000063" },
  { kind: "icb", odsCode: "QNX", name: "NHS Sussex ICB", from: "E54000053", to: "E54000064" },
  { kind: "sicbl", odsCode: "92A", name: "NHS Surrey Heartlands ICB - 92A", from: "E38000246", to: "E38000264" },
  { kind: "sicbl", odsCode: "70F", name: "NHS Sussex ICB - 70F", from: "E38000248", to: "E38000265" },
] as const;
