/**
 * qof-prevalence: NHS Digital QOF 2022-23 practice prevalence file, long format: one
 * row per practice and disease register (`GROUP_CODE`), with the register count and
 * the list size of the patient list the register is measured against
 * (`PATIENT_LIST_TYPE`: TOTAL = all registered patients, 18OV = aged 18 and over,
 * and 06OV, 16OV, 17OV, 50OV).
 *
 * The registered list of a practice is `PRACTICE_LIST_SIZE` on any TOTAL row, its 18+
 * list the same on any 18OV row; the footprint builder checks they agree across rows.
 */
import { codes } from "../../app/domain/geography/codes";
import { code, count, ok, oneOf, rowSchema } from "../reference-data/fields";
import type { RowResult, SourceParser } from "../shared/types";

export const LIST_TYPES = ["TOTAL", "06OV", "16OV", "17OV", "18OV", "50OV"] as const;
export type ListType = (typeof LIST_TYPES)[number];

export type QofPrevalenceRecord = {
  practiceCode: string;
  /** QOF register (disease group) code, e.g. AF, DM, HYP. */
  groupCode: string;
  /** Patients on the register. */
  register: number;
  listType: ListType;
  /** Registered patients in the list type's age range. */
  listSize: number;
};

const row = rowSchema({
  PRACTICE_CODE: code(codes.practice),
  GROUP_CODE: code({ pattern: /^[A-Z]{2,5}$/, label: "QOF register code (2–5 capital letters)" }),
  REGISTER: count,
  PATIENT_LIST_TYPE: oneOf(LIST_TYPES, "list type"),
  PRACTICE_LIST_SIZE: count,
});

export const parser: SourceParser<QofPrevalenceRecord> = {
  format: "csv",
  requiredColumns: ["PRACTICE_CODE", "GROUP_CODE", "REGISTER", "PATIENT_LIST_TYPE", "PRACTICE_LIST_SIZE"],
  parseRow(values): RowResult<QofPrevalenceRecord> {
    const cells = row.parse(values);
    if (!cells.ok) return { kind: "error", errors: cells.errors };
    const c = cells.data;
    // A register is not capped at the list size: the real file has a register larger
    // than its list (counts taken on different days), so no such check is made.
    return ok({
      practiceCode: c.PRACTICE_CODE,
      groupCode: c.GROUP_CODE,
      register: c.REGISTER,
      listType: c.PATIENT_LIST_TYPE,
      listSize: c.PRACTICE_LIST_SIZE,
    });
  },
  key: (r) => `${r.practiceCode}/${r.groupCode}`,
};
