/**
 * Demo mode only: partnership agreements between NHS Greater Manchester ICB and the demo
 * VCSE organisations, in every state of the lifecycle (ended and renewed, active with
 * a variation, ending soon, draft, agreed, terminated). They cover the synthetic HJP
 * services, so delivery against KPIs shows real (synthetic) numbers; the KPI targets
 * are set near each service's own past activity, so some quarters are on track and
 * some are not. Every agreement is marked synthetic and labelled so wherever shown.
 *
 * Idempotent: once any synthetic agreement exists for the ICB, later starts skip it.
 * Runs after ensureDemoHjp (it needs the services) and the demo accounts (the demo
 * commissioner is recorded as making the changes).
 */
import { and, eq, sql } from "drizzle-orm";
import { expandTargets, termQuarters } from "../../app/domain/agreements/kpis";
import { type PaymentFrequency, paymentSchedule } from "../../app/domain/agreements/money";
import { roundToNearest } from "../../app/domain/disclosure/counts";
import { addDays, quarterOf } from "../../app/domain/synthetic/dates";
import { addAgreementDocument, type AgreementActor, changeAgreementStatus, createAgreement, recordPayment, updateAgreement } from "../../app/services/agreements/agreements.server";
import { collectTotals } from "../../app/services/agreements/delivery.server";
import type { AgreementInput } from "../../app/validation/agreements";
import type { Database, Db } from "../client";
import { agreements, hjpServices, organisations, users } from "../schema/index";
import { DEMO_ORGANISATION, GREATER_MANCHESTER_ICB } from "./demo-accounts";

const PENNINE = "GB-CHC-1000002";
const DEMO_ORG = "GB-CHC-1000001";

export type Kpi = AgreementInput["kpis"][number];

/** Targets a little above the services' average past quarter, so delivery is mixed. */
async function targetsFor(db: Db, serviceIds: number[], startDate: string, endDate: string, today: string, measures: Kpi["measure"][]): Promise<Kpi[]> {
  const quarters = termQuarters(startDate, endDate);
  const past = termQuarters(addDays(today, -3 * 365), addDays(quarterOf(today).start, -1)).map((q) => q.start);
  const totals = [...(await collectTotals(db, { serviceIds, periods: past })).values()];
  const mean = (f: (t: (typeof totals)[number]) => number) => (totals.length ? totals.reduce((s, t) => s + f(t), 0) / totals.length : 0);
  const share = (f: (t: (typeof totals)[number]) => { numerator: number; denominator: number } | undefined) => {
    const n = totals.reduce((s, t) => s + (f(t)?.numerator ?? 0), 0);
    const d = totals.reduce((s, t) => s + (f(t)?.denominator ?? 0), 0);
    return d ? (100 * n) / d : 50;
  };
  return measures.map((measure) => {
    const target =
      measure === "clients-advised"
        ? Math.max(5, roundToNearest(mean((t) => t.clientsAdvised ?? 0) * 1.05))
        : measure === "income-gained"
          ? Math.max(100_000, Math.round((mean((t) => t.incomeGainedPence ?? 0) * 1.05) / 100_000) * 100_000)
          : Math.min(100, Math.round(share((t) => (measure === "core20-share" ? t.core20 : t.resolved)) + 2));
    return { measure, targets: expandTargets(quarters, target) };
  });
}

/** The parts of an agreement every synthetic one shares (governance, data sharing, reporting), around what differs. */
export function syntheticAgreementContent(o: {
  title: string;
  type: AgreementInput["type"];
  purpose: string;
  parties: { organisationId: number; leadName: string }[];
  serviceIds: number[];
  valuePence: number;
  frequency: PaymentFrequency;
  startDate: string;
  endDate: string;
  reviewDate: string | null;
  kpis: Kpi[];
  places?: string[];
  dataSharing?: AgreementInput["dataSharing"];
}): AgreementInput {
  return {
    title: o.title,
    type: o.type,
    purpose: o.purpose,
    icbLeadName: "Demo Commissioner",
    icbLeadEmail: "commissioner@example.org",
    parties: o.parties.map((p) => ({ ...p, leadEmail: null })),
    serviceIds: o.serviceIds,
    footprints: { system: !o.places?.length, places: o.places ?? [], neighbourhoods: [] },
    valuePence: o.valuePence,
    paymentFrequency: o.frequency,
    paymentSchedule: paymentSchedule({ valuePence: o.valuePence, startDate: o.startDate, endDate: o.endDate, frequency: o.frequency }),
    startDate: o.startDate,
    endDate: o.endDate,
    reviewDate: o.reviewDate,
    governance: {
      meetings: "Quarterly contract review with the ICB health inequalities lead; annual partnership review",
      seats: "One seat for the VCSE partner on the place-based health inequalities group",
      escalation: "Contract manager, then the ICB director of population health; disputes to mediation before termination",
    },
    dataSharing: o.dataSharing ?? {
      data: "Pseudonymised case-level activity and outcomes (HJP activity template); no direct identifiers",
      lawfulBasis: "UK GDPR Article 6(1)(e) public task; Article 9(2)(h) health and social care",
      retention: "Six years after the agreement ends",
    },
    reporting: { frequency: "quarterly", dueDaysAfterPeriodEnd: 30, measures: o.kpis.map((k) => k.measure), notes: "Quarterly HJP activity return and a short narrative report" },
    kpis: o.kpis,
    changeSummary: null,
  };
}

/** A one-page PDF saying what it is, so the demo has a document to download. */
export function syntheticPdf(lines: string[]): Uint8Array {
  const text = lines.map((l, i) => `BT /F1 12 Tf 56 ${780 - i * 18} Td (${l.replace(/[()\\]/g, "")}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export type DemoAgreementsResult = { status: "loaded" | "unchanged" | "skipped"; created: number };

export async function ensureDemoAgreements(database: Database, { today }: { today: string }): Promise<DemoAgreementsResult> {
  const db = database.db;
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(agreements).where(and(eq(agreements.synthetic, true), eq(agreements.icbCode, GREATER_MANCHESTER_ICB)));
  if (Number(existing.n) > 0) return { status: "unchanged", created: 0 };
  const [commissioner] = await db.select().from(users).where(eq(users.email, "commissioner@example.org"));
  const orgs = await db.select({ id: organisations.id, giving360Id: organisations.giving360Id, name: organisations.name }).from(organisations);
  const demoOrg = orgs.find((o) => o.giving360Id === DEMO_ORG || o.name === DEMO_ORGANISATION);
  const pennine = orgs.find((o) => o.giving360Id === PENNINE);
  const services = await db.select({ id: hjpServices.id, organisationId: hjpServices.organisationId, name: hjpServices.name }).from(hjpServices).where(eq(hjpServices.icbCode, GREATER_MANCHESTER_ICB)).orderBy(hjpServices.id);
  if (!commissioner || !demoOrg || !pennine || !services.length) return { status: "skipped", created: 0 };
  const actor: AgreementActor = { id: commissioner.id, role: "commissioner", icbCode: GREATER_MANCHESTER_ICB, organisationId: null, email: commissioner.email, name: commissioner.name };
  const ours = services.filter((s) => s.organisationId === demoOrg.id).map((s) => s.id);
  const theirs = services.filter((s) => s.organisationId === pennine.id).map((s) => s.id);
  const fy = quarterOf(today).year;
  const fyStart = (y: number) => `${y}-04-01`;
  const fyEnd = (y: number) => `${y + 1}-03-31`;
  const demoLead = { organisationId: demoOrg.id, leadName: "Demo VCSE Partner" };
  const pennineLead = { organisationId: pennine.id, leadName: "Pennine service manager (synthetic)" };
  let created = 0;
  const make = async (input: AgreementInput, steps: ("agree" | "activate" | "end")[], predecessorId: number | null = null) => {
    const id = await createAgreement({ db, actor, icbCode: GREATER_MANCHESTER_ICB, input, synthetic: true, predecessorId });
    created++;
    for (const [i, step] of steps.entries()) await changeAgreementStatus({ db, actor, id, expectedRevision: i + 1, action: step, today: step === "agree" ? input.startDate : step === "activate" ? input.startDate : input.endDate });
    return id;
  };
  const payUpTo = async (id: number, input: AgreementInput, before: string) => {
    for (const p of input.paymentSchedule.filter((p) => p.dueDate <= before)) await recordPayment({ db, actor, id, paidOn: addDays(p.dueDate, 10) <= today ? addDays(p.dueDate, 10) : p.dueDate, amountPence: p.amountPence, reference: `SYN-${id}-${p.dueDate}` });
  };

  const allMeasures: Kpi["measure"][] = ["clients-advised", "income-gained", "problems-resolved", "core20-share"];

  // 1. The first primary care partnership: ended, renewed by 2.
  const first = syntheticAgreementContent({
    title: "Primary care health justice partnership 2023 to 2025 (synthetic)",
    type: "grant",
    purpose: "Welfare benefits, debt and housing advice in GP practices across Greater Manchester, with warm referral from practice staff.",
    parties: [demoLead],
    serviceIds: ours,
    valuePence: 36_000_000,
    frequency: "quarterly-advance",
    startDate: fyStart(fy - 3),
    endDate: fyEnd(fy - 2),
    reviewDate: null,
    kpis: await targetsFor(db, ours, fyStart(fy - 3), fyEnd(fy - 2), today, ["clients-advised", "income-gained"]),
  });
  const firstId = await make(first, ["agree", "activate", "end"]);
  await payUpTo(firstId, first, today);

  // 2. Its successor: active, varied once, due for review soon.
  const secondStart = fyStart(fy - 1);
  const secondEnd = fyEnd(fy + 1);
  const second = syntheticAgreementContent({
    ...first,
    title: "Primary care health justice partnership (synthetic)",
    purpose: first.purpose,
    parties: [demoLead],
    serviceIds: ours.slice(0, Math.max(1, ours.length - 1)),
    valuePence: 54_000_000,
    frequency: "quarterly-arrears",
    startDate: secondStart,
    endDate: secondEnd,
    reviewDate: addDays(today, 45),
    kpis: await targetsFor(db, ours, secondStart, secondEnd, today, allMeasures),
  });
  const secondId = await make({ ...second, changeSummary: `Renewal of agreement ${firstId}` }, ["agree", "activate"], firstId);
  const varied = { ...second, serviceIds: ours, valuePence: 58_000_000, paymentSchedule: paymentSchedule({ valuePence: 58_000_000, startDate: secondStart, endDate: secondEnd, frequency: "quarterly-arrears" }), changeSummary: "Added the mental health setting service from this year and uplifted the value by £40,000 to fund it." };
  await updateAgreement({ db, actor, id: secondId, expectedRevision: 3, input: varied });
  await payUpTo(secondId, varied, addDays(today, -100));
  await addAgreementDocument({
    db,
    actor,
    id: secondId,
    fileName: "Primary care partnership grant letter (synthetic).pdf",
    bytes: syntheticPdf(["Primary care health justice partnership: grant letter", "Synthetic demonstration data: this document describes no real agreement."]),
  });

  // 3. Ends within 90 days with no successor: the attention list and funding cliff show it.
  if (theirs.length) {
    const start = fyStart(fy - 1);
    const end = addDays(today, 60);
    const third = syntheticAgreementContent({
      title: "Hospital discharge advice contract (synthetic)",
      type: "contract",
      purpose: "Advice on housing and benefits for patients ready for discharge, so that no one stays in hospital for want of a safe home.",
      parties: [pennineLead],
      serviceIds: theirs,
      valuePence: 24_000_000,
      frequency: "quarterly-arrears",
      startDate: start,
      endDate: end,
      reviewDate: null,
      kpis: await targetsFor(db, theirs, start, end, today, ["clients-advised", "core20-share"]),
    });
    const thirdId = await make(third, ["agree", "activate"]);
    await payUpTo(thirdId, third, today);

    // 6. Terminated with a reason.
    const sixth = syntheticAgreementContent({
      title: "Maternity advice service-level agreement (synthetic)",
      type: "sla",
      purpose: "Advice clinics in antenatal settings.",
      parties: [pennineLead],
      serviceIds: theirs.slice(0, 1),
      valuePence: 6_000_000,
      frequency: "single",
      startDate: fyStart(fy - 2),
      endDate: fyEnd(fy - 2),
      reviewDate: null,
      kpis: [],
    });
    const sixthId = await make(sixth, ["agree"]);
    await changeAgreementStatus({ db, actor, id: sixthId, expectedRevision: 2, action: "terminate", reason: "The maternity unit moved site before the service started; both parties agreed to end the agreement.", today: fyStart(fy - 2) });
  }

  // 4. A draft system-wide memorandum of understanding with both organisations.
  await make(
    syntheticAgreementContent({
      title: "Greater Manchester VCSE health justice memorandum of understanding (synthetic)",
      type: "mou",
      purpose: "How the ICB and VCSE advice organisations work together on health justice: shared priorities, representation, data and insight.",
      parties: [demoLead, pennineLead],
      serviceIds: [],
      valuePence: 0,
      frequency: "single",
      startDate: fyStart(fy + 1),
      endDate: fyEnd(fy + 3),
      reviewDate: fyStart(fy + 2),
      kpis: [],
    }),
    [],
  );

  // 5. An agreed data-sharing agreement.
  await make(
    syntheticAgreementContent({
      title: "Health justice outcomes data-sharing agreement (synthetic)",
      type: "data-sharing",
      purpose: "Sharing pseudonymised HJP activity and outcomes with the ICB for population health management.",
      parties: [demoLead],
      serviceIds: ours,
      valuePence: 0,
      frequency: "single",
      startDate: fyStart(fy),
      endDate: fyEnd(fy + 2),
      reviewDate: fyStart(fy + 1),
      kpis: [],
      dataSharing: { data: "Pseudonymised episode-level HJP activity and outcomes", lawfulBasis: "UK GDPR Article 6(1)(e); Article 9(2)(h)", retention: "Six years, then secure deletion" },
    }),
    ["agree"],
  );
  return { status: "loaded", created };
}
