/**
 * boundaries-lad: ONS local authority districts (May 2024) boundaries, UK,
 * generalised (BSC), WGS84: the lower-tier authorities (districts, unitaries,
 * metropolitan districts, London boroughs) that local-authority maps are drawn with.
 *
 * Rule: Scottish, Welsh and Northern Irish areas (codes not starting E) are out of
 * scope and skipped.
 */
import { codes } from "../../app/domain/geography/codes";
import { SKIP } from "../reference-data/fields";
import { boundaryParser, type BoundaryRecord } from "../reference-data/boundary-parser";
import type { SourceParser } from "../shared/types";

export type LadBoundaryRecord = BoundaryRecord;

export const parser: SourceParser<LadBoundaryRecord> = boundaryParser({
  prefix: "LAD",
  pattern: codes.lad,
  skip: { pattern: /^[SWN]/, reason: SKIP.notEngland },
});
