/**
 * boundaries-icb: ONS Integrated Care Boards (April 2023) boundaries, England,
 * generalised (BSC, 20 m), WGS84. The April 2023 codes are the 2024 ones.
 */
import { codes } from "../../app/domain/geography/codes";
import { boundaryParser, type BoundaryRecord } from "../reference-data/boundary-parser";
import type { SourceParser } from "../shared/types";

export type IcbBoundaryRecord = BoundaryRecord;

export const parser: SourceParser<IcbBoundaryRecord> = boundaryParser({ prefix: "ICB", pattern: codes.icb });
