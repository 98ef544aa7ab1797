/**
 * The shapes the value-for-money pages send to the browser (no server code here, so
 * components may import them). Every figure about people has been through disclosure
 * control; spend is about money and is shown in full.
 */
import type { FunnelData } from "../../domain/charts/funnel";
import type { DisclosedTable } from "../../domain/disclosure/table";
import type { Estimate } from "../../domain/value-for-money/estimate";
import type { QuadrantPoint } from "../../domain/value-for-money/quadrant";
import type { Headline, HjpLevel } from "../hjp/view-types";

export type VfmQuadrant = {
  areaKind: "place" | "neighbourhood";
  /** Spend per 1,000 adults (pence) and income gained per 1,000 adults (pence) of the whole footprint: the crossing lines. */
  crossing: { spend: number; outcome: number };
  crossingLabel: string;
  points: QuadrantPoint[];
  excluded: { key: string; label: string; reason: string }[];
};

export type VfmView = {
  level: HjpLevel;
  area: { code: string; name: string };
  icb: { code: string; name: string };
  service: { id: number; name: string; organisationName: string } | null;
  scopeNote: string | null;
  synthetic: { label: string; organisations: string[] } | null;
  period: {
    /** The financial year shown ("2024-25"), or "all". */
    year: string;
    label: string;
    years: string[];
    firstReferral: string | null;
    lastReferral: string | null;
  };
  priceYear: { chosen: number; label: string; options: { year: number; label: string; indexed: boolean }[] };
  headline: Headline[];
  quadrant: VfmQuadrant | null;
  funnel: FunnelData;
  estimate: Estimate;
  trend: { categories: string[]; spendPence: (number | null)[]; recurringPerPound: (number | null)[]; oneOffPerPound: (number | null)[] };
  tables: DisclosedTable[];
  /** Whether the user may edit the unit-cost library and inflation index. */
  canEditUnitCosts: boolean;
};
