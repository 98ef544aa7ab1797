/**
 * census-ethnicity: Census 2021 TS021 ethnic group, usual residents, per LSOA 2021
 * (England and Wales; ONS bulk-download layout, header names "Ethnic group: <group>"
 * and "Ethnic group: <group>: <category>").
 *
 * Rules: Welsh LSOAs (W01…) are out of scope and skipped. The five groups must add up
 * to the total and each group's categories to the group (true of every row of the
 * 2021 file); a row where they do not is an error naming the column.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, count, type Field, ok, oneOf, rowSchema, rowError, SKIP, skip, text } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export type EthnicGroup = {
  /** High-level group, e.g. "Asian, Asian British or Asian Welsh". */
  group: string;
  count: number;
  categories: { category: string; count: number }[];
};

export type CensusEthnicityRecord = { lsoaCode: string; lsoaName: string; total: number; groups: EthnicGroup[] };

const TOTAL = "Ethnic group: Total: All usual residents";
const PREFIX = "Ethnic group: ";

/** The groups and their categories, in the order of the ONS table. */
export const ETHNIC_GROUPS: readonly { group: string; categories: readonly string[] }[] = [
  { group: "Asian, Asian British or Asian Welsh", categories: ["Bangladeshi", "Chinese", "Indian", "Pakistani", "Other Asian"] },
  { group: "Black, Black British, Black Welsh, Caribbean or African", categories: ["African", "Caribbean", "Other Black"] },
  {
    group: "Mixed or Multiple ethnic groups",
    categories: ["White and Asian", "White and Black African", "White and Black Caribbean", "Other Mixed or Multiple ethnic groups"],
  },
  {
    group: "White",
    categories: ["English, Welsh, Scottish, Northern Irish or British", "Irish", "Gypsy or Irish Traveller", "Roma", "Other White"],
  },
  { group: "Other ethnic group", categories: ["Arab", "Any other ethnic group"] },
];

const groupColumn = (group: string) => `${PREFIX}${group}`;
const categoryColumn = (group: string, category: string) => `${PREFIX}${group}: ${category}`;
const COUNT_COLUMNS = [
  TOTAL,
  ...ETHNIC_GROUPS.flatMap((g) => [groupColumn(g.group), ...g.categories.map((c) => categoryColumn(g.group, c))]),
];

const row = rowSchema({
  date: oneOf(["2021"], "census year"),
  geography: text,
  "geography code": code(codes.lsoa21),
  ...(Object.fromEntries(COUNT_COLUMNS.map((c) => [c, count])) as Record<string, Field<number>>),
});

export const parser: SourceParser<CensusEthnicityRecord> = {
  format: "csv",
  requiredColumns: ["date", "geography", "geography code", ...COUNT_COLUMNS],
  parseRow(values): RowResult<CensusEthnicityRecord> {
    if (codes.welshLsoa.pattern.test((values["geography code"] ?? "").trim())) return skip(SKIP.welshLsoa);
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    const counts = c as unknown as Record<string, number>; // the count columns
    const total = counts[TOTAL];
    const groups: EthnicGroup[] = [];
    for (const g of ETHNIC_GROUPS) {
      const column = groupColumn(g.group);
      const categories = g.categories.map((category) => ({ category, count: counts[categoryColumn(g.group, category)] }));
      const groupCount = counts[column];
      const sum = categories.reduce((s, x) => s + x.count, 0);
      if (sum !== groupCount) return rowError(column, `the categories add up to ${sum}, not the group's ${groupCount}`);
      groups.push({ group: g.group, count: groupCount, categories });
    }
    const sum = groups.reduce((s, g) => s + g.count, 0);
    if (sum !== total) return rowError(TOTAL, `the groups add up to ${sum}, not the total ${total}`);
    return ok({ lsoaCode: c["geography code"], lsoaName: c.geography, total, groups });
  },
  key: (r) => r.lsoaCode,
};
