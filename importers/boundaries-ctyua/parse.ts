/**
 * boundaries-ctyua: ONS counties and unitary authorities (December 2023) boundaries,
 * UK, generalised (BSC), WGS84: the upper-tier authorities that places are built on.
 *
 * Rule: Scottish, Welsh and Northern Irish areas (codes not starting E) are out of
 * scope and skipped.
 */
import { codes } from "../../app/domain/geography/codes";
import { SKIP } from "../reference-data/fields";
import { boundaryParser, type BoundaryRecord } from "../reference-data/boundary-parser";
import type { SourceParser } from "../shared/types";

export type CtyuaBoundaryRecord = BoundaryRecord;

export const parser: SourceParser<CtyuaBoundaryRecord> = boundaryParser({
  prefix: "CTYUA",
  pattern: codes.utla,
  skip: { pattern: /^[SWN]/, reason: SKIP.notEngland },
});
