/**
 * What differs between two versions of an agreement, as the version history lists it
 * beside the "what changed and why" the person wrote.
 */

export type VersionContent = {
  icbLeadName: string;
  icbLeadEmail: string | null;
  parties: { organisationId: number; leadName: string; leadEmail: string | null }[];
  serviceIds: number[];
  footprints: { system: boolean; places: string[]; neighbourhoods: string[] };
  valuePence: number;
  paymentFrequency: string;
  startDate: string;
  endDate: string;
  reviewDate: string | null;
  governance: { meetings: string; seats: string; escalation: string };
  dataSharing: { data: string; lawfulBasis: string; retention: string };
  reporting: { frequency: string; dueDaysAfterPeriodEnd: number; measures: string[]; notes: string };
  kpis: { measure: string; targets: { period: string; target: number }[] }[];
};

const FIELDS: { label: string; of: (v: VersionContent) => unknown }[] = [
  { label: "Parties and leads", of: (v) => [v.icbLeadName, v.icbLeadEmail, [...v.parties].sort((a, b) => a.organisationId - b.organisationId)] },
  { label: "HJP services covered", of: (v) => [...v.serviceIds].sort((a, b) => a - b) },
  { label: "Footprint", of: (v) => [v.footprints.system, [...v.footprints.places].sort(), [...v.footprints.neighbourhoods].sort()] },
  { label: "Value", of: (v) => v.valuePence },
  { label: "Payment schedule", of: (v) => v.paymentFrequency },
  { label: "Start date", of: (v) => v.startDate },
  { label: "End date", of: (v) => v.endDate },
  { label: "Review date", of: (v) => v.reviewDate },
  { label: "Governance", of: (v) => v.governance },
  { label: "Data-sharing terms", of: (v) => v.dataSharing },
  { label: "Reporting requirements", of: (v) => [v.reporting.frequency, v.reporting.dueDaysAfterPeriodEnd, [...v.reporting.measures].sort(), v.reporting.notes] },
  { label: "KPIs and targets", of: (v) => [...v.kpis].sort((a, b) => a.measure.localeCompare(b.measure)) },
];

/** Stable JSON: the same content always gives the same text, whatever order keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The labels of the parts that differ, in the order the agreement page shows them. */
export function changedParts(previous: VersionContent, next: VersionContent): string[] {
  return FIELDS.filter((f) => canonical(f.of(previous)) !== canonical(f.of(next))).map((f) => f.label);
}
