/**
 * boundaries-sicbl: ONS NHS sub-ICB locations (April 2023) boundaries, England,
 * generalised (BSC), WGS84. The April 2023 codes are the 2024 ones.
 */
import { codes } from "../../app/domain/geography/codes";
import { boundaryParser, type BoundaryRecord } from "../reference-data/boundary-parser";
import type { SourceParser } from "../shared/types";

export type SicblBoundaryRecord = BoundaryRecord;

export const parser: SourceParser<SicblBoundaryRecord> = boundaryParser({ prefix: "SICBL", pattern: codes.sicbl });
