/**
 * The shapes the HJP dashboards send to the browser (no server code here, so components
 * may import them). Every figure in them has been through disclosure control.
 */
import type { DisclosedTable, TableColumn } from "../../domain/disclosure/table";
import type { ProjectedMap } from "../../domain/maps/projection";

export type HjpLevel = "icb" | "place" | "neighbourhood" | "service";

export type ServiceSummary = {
  id: number;
  ref: string;
  name: string;
  organisationId: number;
  organisationName: string;
  deliveryModel: string;
  settings: string[];
  adviserFte: number;
  synthetic: boolean;
  sites: { setting: string; odsCode: string | null; name: string | null; lat: number | null; lng: number | null }[];
  areasServed: { code: string; level: string; name: string | null }[];
};

export type HjpMap = {
  map: ProjectedMap;
  shapes: { code: string; name: string; category: string | null }[];
  points: { code: string; name: string }[];
  categories: { key: string; label: string; colour: string }[];
};

export type Headline = { label: string; value: string | number | null; format: TableColumn["format"]; detail?: string };

export type HjpView = {
  level: HjpLevel;
  area: { code: string; name: string };
  icb: { code: string; name: string };
  /** For a neighbourhood: its main place (breadcrumbs). */
  place: { code: string; name: string } | null;
  service: ServiceSummary | null;
  /** Set when the user sees only part of the data (a VCSE user: their organisation's services). */
  scopeNote: string | null;
  /** Set when any figure comes from synthetic demonstration data, with the organisations it belongs to. */
  synthetic: { label: string; organisations: string[] } | null;
  period: { year: string | null; years: string[]; firstReferral: string | null; lastReferral: string | null; reach: { from: string; to: string; label: string } };
  headline: Headline[];
  tables: DisclosedTable[];
  map: HjpMap | null;
};
