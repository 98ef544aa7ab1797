import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { RagTag, StatusTag } from "~/components/agreements/tags";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BarChart } from "~/components/hjp-charts/bar-chart";
import { barsFromTable, seriesFromTable } from "~/components/hjp-charts/chart-data";
import { DisclosedTableView } from "~/components/hjp-charts/disclosed-table";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { TrendChart } from "~/components/hjp-charts/trend-chart";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Textarea, TextInput } from "~/components/nhsuk/fields";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { ACCEPTED_EXTENSIONS, MAX_DOCUMENT_BYTES } from "~/domain/agreements/documents";
import { kpiMeasure } from "~/domain/agreements/kpis";
import { ACTION_LABELS, availableActions, type LifecycleAction, TYPE_LABELS } from "~/domain/agreements/lifecycle";
import { PAYMENT_FREQUENCIES } from "~/domain/agreements/money";
import { formatPence } from "~/domain/format/numbers";
import { quarterOf } from "~/domain/synthetic/dates";
import {
  addAgreementComment,
  addAgreementDocument,
  AgreementConflictError,
  AgreementError,
  type AgreementDetail,
  changeAgreementStatus,
  getAgreement,
  getAgreementHistory,
  getAgreementPayments,
  listAgreementComments,
  listAgreementDocuments,
  recordPayment,
  renewAgreement,
} from "~/services/agreements/agreements.server";
import { getAgreementDelivery } from "~/services/agreements/delivery.server";
import { todayIso } from "~/services/hjp/export.server";
import { parsePoundsToPence } from "~/domain/agreements/money";
import { CommentSchema, PaymentSchema, TerminateSchema } from "~/validation/agreements";

const TABS = [
  { id: "summary", label: "Summary" },
  { id: "versions", label: "Versions" },
  { id: "delivery", label: "Delivery" },
  { id: "payments", label: "Payments" },
  { id: "documents", label: "Documents" },
  { id: "history", label: "History" },
] as const;
type Tab = (typeof TABS)[number]["id"];

const idOf = (raw: string | undefined) => {
  const parsed = z.coerce.number().int().positive().safeParse(raw);
  return parsed.success ? parsed.data : notFound();
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const id = idOf(params.id);
  const tabParsed = z.enum(TABS.map((t) => t.id) as [Tab, ...Tab[]]).default("summary").safeParse(new URL(request.url).searchParams.get("tab") ?? undefined);
  if (!tabParsed.success) throw new Response("Bad request: tab must be one of summary, versions, delivery, payments, documents, history", { status: 400 });
  const tab = tabParsed.data;
  const db = context.db;
  const agreement = await getAgreement({ db, actor: user, id });
  if (!agreement) notFound("There is no agreement with this number that you can see.");
  const today = todayIso();
  const headers = { "Cache-Control": "private, no-store" };
  return json(
    {
      agreement,
      tab,
      today,
      comments: tab === "summary" ? await listAgreementComments({ db, actor: user, id }) : [],
      delivery: tab === "delivery" ? await getAgreementDelivery({ db, actor: user, agreement, today }) : null,
      payments: tab === "payments" ? await getAgreementPayments({ db, actor: user, id, today }) : null,
      documents: tab === "documents" ? await listAgreementDocuments({ db, actor: user, id }) : [],
      history: tab === "history" ? await getAgreementHistory({ db, actor: user, id }) : [],
    },
    { headers },
  );
}

type ActionResult = { intent: string; errors: { field: string; message: string }[] };
const fail = (intent: string, field: string, message: string, status = 400) => json<ActionResult>({ intent, errors: [{ field, message }] }, { status });

async function readForm(request: Request): Promise<FormData | "too-large"> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return request.formData();
  // Refuse a body far over the limit before reading it.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_DOCUMENT_BYTES + 64 * 1024) return "too-large";
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCUMENT_BYTES + 1 }));
  } catch (error) {
    if (error instanceof Error && /exceeded upload size/i.test(error.message)) return "too-large";
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = idOf(params.id);
  const db = context.db;
  const formData = await readForm(request);
  if (formData === "too-large") return fail("upload", "file", "The selected file must be smaller than 10 MB");
  const intent = String(formData.get("intent") ?? "");
  try {
    switch (intent) {
      case "agree":
      case "activate":
      case "end": {
        const revision = z.coerce.number().int().positive().parse(formData.get("revision"));
        await changeAgreementStatus({ db, actor: user, id, expectedRevision: revision, action: intent as LifecycleAction, today: todayIso() });
        return redirect(`/agreements/${id}`);
      }
      case "terminate": {
        const parsed = TerminateSchema.safeParse(Object.fromEntries(formData));
        if (!parsed.success) return fail(intent, "reason", parsed.error.issues[0].message);
        await changeAgreementStatus({ db, actor: user, id, expectedRevision: parsed.data.revision, action: "terminate", reason: parsed.data.reason, today: todayIso() });
        return redirect(`/agreements/${id}`);
      }
      case "renew": {
        const revision = z.coerce.number().int().positive().parse(formData.get("revision"));
        const successor = await renewAgreement({ db, actor: user, id, expectedRevision: revision });
        return redirect(`/agreements/${successor}`);
      }
      case "comment": {
        const parsed = CommentSchema.safeParse(Object.fromEntries(formData));
        if (!parsed.success) return fail(intent, "comment-body", parsed.error.issues[0].message);
        await addAgreementComment({ db, actor: user, id, body: parsed.data.body });
        return redirect(`/agreements/${id}#comments`);
      }
      case "record-payment": {
        const parsed = PaymentSchema.safeParse(Object.fromEntries(formData));
        if (!parsed.success) return json<ActionResult>({ intent, errors: parsed.error.issues.map((i) => ({ field: `payment-${String(i.path[0])}`, message: i.message })) }, { status: 400 });
        await recordPayment({ db, actor: user, id, paidOn: parsed.data.paidOn, amountPence: parsePoundsToPence(parsed.data.amount)!, reference: parsed.data.reference ?? null });
        return redirect(`/agreements/${id}?tab=payments`);
      }
      case "upload": {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return fail(intent, "file", "Select a file to attach");
        await addAgreementDocument({ db, actor: user, id, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        return redirect(`/agreements/${id}?tab=documents`);
      }
      default:
        throw new Response("Bad request: unknown action", { status: 400 });
    }
  } catch (error) {
    if (error instanceof AgreementConflictError) return fail(intent, "", error.message.replace(/ Your changes are still.*$/, " Check the agreement below and try again."), 409);
    if (error instanceof AgreementError) return fail(intent, intent === "upload" ? "file" : intent === "record-payment" ? `payment-${error.field ?? "paidOn"}` : intent === "terminate" ? "reason" : "", error.message);
    if (error instanceof z.ZodError) throw new Response("Bad request", { status: 400 });
    if (error instanceof Error && error.name === "AgreementNotFoundError") notFound();
    if (error instanceof Error && error.name === "AgreementForbiddenError") forbidden();
    throw error;
  }
}

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const formatDate = (iso: string | null | undefined) => (iso ? DATE.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : "–");
const frequencyLabel = (code: string) => PAYMENT_FREQUENCIES.find((f) => f.code === code)?.label ?? code;

export default function AgreementRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const a = data.agreement as unknown as AgreementDetail;
  const errors = (actionData?.errors ?? []).map((e) => ({ href: `#${e.field || "agreement-actions"}`, text: e.message }));
  const fieldError = (field: string) => actionData?.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, { href: "/agreements", text: "Partnership agreements" }]} />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">
        {TYPE_LABELS[a.type]} · version {a.current.version}
      </span>
      <h1>{a.title}</h1>
      <p className="nhsuk-body">
        <StatusTag status={a.status} />
      </p>
      {a.synthetic ? <SyntheticBanner synthetic={{ label: "Synthetic demonstration data: this agreement was made up for the demonstration and describes no real agreement.", organisations: a.current.parties.map((p) => p.organisationName) }} /> : null}
      <nav className="app-subnav" aria-label="Agreement sections">
        <ul className="app-subnav__list">
          {TABS.map((t) => (
            <li key={t.id} className="app-subnav__item">
              <Link to={`/agreements/${a.id}${t.id === "summary" ? "" : `?tab=${t.id}`}`} aria-current={data.tab === t.id ? "page" : undefined} className="app-subnav__link">
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.tab === "summary" ? <SummaryTab a={a} comments={data.comments} fieldError={fieldError} /> : null}
      {data.tab === "versions" ? <VersionsTab a={a} /> : null}
      {data.tab === "delivery" && data.delivery ? <DeliveryTab a={a} delivery={data.delivery as never} /> : null}
      {data.tab === "payments" && data.payments ? <PaymentsTab a={a} payments={data.payments} fieldError={fieldError} /> : null}
      {data.tab === "documents" ? <DocumentsTab a={a} documents={data.documents} fieldError={fieldError} /> : null}
      {data.tab === "history" ? <HistoryTab history={data.history} /> : null}
    </>
  );
}

function SummaryTab({ a, comments, fieldError }: { a: AgreementDetail; comments: { id: number; authorName: string; organisationName: string | null; body: string; createdAt: string }[]; fieldError: (f: string) => string | undefined }) {
  const c = a.current;
  const actions = a.can.edit ? availableActions(a.status) : [];
  return (
    <>
      <h2>Summary</h2>
      <SummaryList
        rows={[
          ["Purpose", a.purpose],
          ["ICB lead", `${c.icbLeadName}${c.icbLeadEmail ? ` (${c.icbLeadEmail})` : ""}`],
          [
            "VCSE parties and leads",
            <ul className="nhsuk-list" key="p">
              {c.parties.map((p) => (
                <li key={p.organisationId}>
                  {p.organisationName}: {p.leadName}
                  {p.leadEmail ? ` (${p.leadEmail})` : ""}
                </li>
              ))}
            </ul>,
          ],
          ["HJP services covered", c.services.length ? c.services.map((s) => s.name).join("; ") : "None"],
          ["Footprint", [c.footprints.system ? "The whole system" : null, c.footprints.places.length ? `${c.footprints.places.length} places` : null, c.footprints.neighbourhoods.length ? `${c.footprints.neighbourhoods.length} neighbourhoods` : null].filter(Boolean).join("; ") || "–"],
          ["Value", `${formatPence(c.valuePence)}, ${frequencyLabel(c.paymentFrequency).toLowerCase()}`],
          ["Term", `${formatDate(c.startDate)} to ${formatDate(c.endDate)}`],
          ["Review date", formatDate(c.reviewDate)],
          ["Governance", [c.governance.meetings, c.governance.seats, c.governance.escalation].filter(Boolean).join(" · ") || "–"],
          ["Data sharing", [c.dataSharing.data, c.dataSharing.lawfulBasis && `Lawful basis: ${c.dataSharing.lawfulBasis}`, c.dataSharing.retention && `Retention: ${c.dataSharing.retention}`].filter(Boolean).join(" · ") || "–"],
          ["Reporting", `${c.reporting.frequency[0].toUpperCase()}${c.reporting.frequency.slice(1)}, due ${c.reporting.dueDaysAfterPeriodEnd} days after each period${c.reporting.measures.length ? `: ${c.reporting.measures.map((m) => kpiMeasure(m)?.label ?? m).join("; ")}` : ""}${c.reporting.notes ? `. ${c.reporting.notes}` : ""}`],
          ["KPIs", c.kpis.length ? c.kpis.map((k) => kpiMeasure(k.measure)?.label ?? k.measure).join("; ") : "None"],
          a.terminationReason ? ["Reason for termination", a.terminationReason] : null,
          a.predecessor ? ["Renews", <Link key="pre" to={`/agreements/${a.predecessor.id}`}>{a.predecessor.title}</Link>] : null,
          a.successor ? ["Renewed by", <Link key="suc" to={`/agreements/${a.successor.id}`}>{a.successor.title}</Link>] : null,
        ]}
      />
      {a.can.edit ? (
        <div id="agreement-actions" tabIndex={-1}>
          <h2>Change this agreement</h2>
          <div className="app-button-row">
            {a.can.vary ? (
              <Link to={`/agreements/${a.id}/edit`} className="nhsuk-button nhsuk-button--secondary">
                {a.status === "draft" ? "Edit draft" : "Vary this agreement"}
              </Link>
            ) : null}
            {actions
              .filter((x) => x !== "terminate")
              .map((x) => (
                <Form method="post" key={x}>
                  <input type="hidden" name="intent" value={x} />
                  <input type="hidden" name="revision" value={a.revision} />
                  <Button>{ACTION_LABELS[x]}</Button>
                </Form>
              ))}
            {a.can.renew ? (
              <Form method="post">
                <input type="hidden" name="intent" value="renew" />
                <input type="hidden" name="revision" value={a.revision} />
                <Button secondary>Renew as a new agreement</Button>
              </Form>
            ) : null}
          </div>
          {actions.includes("terminate") ? (
            <details className="nhsuk-details" open={Boolean(fieldError("reason"))}>
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Terminate this agreement</span>
              </summary>
              <div className="nhsuk-details__text">
                <Form method="post">
                  <input type="hidden" name="intent" value="terminate" />
                  <input type="hidden" name="revision" value={a.revision} />
                  <Textarea id="reason" name="reason" label="Reason for terminating" hint="This is recorded on the agreement and in its history" errors={fieldError("reason") ? [fieldError("reason")!] : undefined} rows={3} />
                  <button type="submit" className="nhsuk-button nhsuk-button--warning">
                    Terminate agreement
                  </button>
                </Form>
              </div>
            </details>
          ) : null}
        </div>
      ) : null}
      <h2 id="comments">Comments</h2>
      {comments.length === 0 ? <p>No comments yet.</p> : null}
      <ul className="nhsuk-list app-comments">
        {comments.map((cm) => (
          <li key={cm.id} className="app-comment">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              <strong>{cm.authorName}</strong>
              {cm.organisationName ? `, ${cm.organisationName}` : ""} · {formatDate(cm.createdAt.slice(0, 10))}
            </p>
            <p className="nhsuk-body app-pre-wrap">{cm.body}</p>
          </li>
        ))}
      </ul>
      {a.can.comment ? (
        <Form method="post">
          <input type="hidden" name="intent" value="comment" />
          <Textarea id="comment-body" name="body" label="Add a comment" errors={fieldError("comment-body") ? [fieldError("comment-body")!] : undefined} rows={3} />
          <Button secondary>Add comment</Button>
        </Form>
      ) : null}
    </>
  );
}

function VersionsTab({ a }: { a: AgreementDetail }) {
  return (
    <>
      <h2>Versions</h2>
      <p>Each variation is a new version. The newest is first; every version stays readable.</p>
      {a.versions.map((v) => (
        <section key={v.version} className="nhsuk-card" aria-labelledby={`version-${v.version}`}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading" id={`version-${v.version}`}>
              Version {v.version}
              {v.version === a.current.version ? " (current)" : ""}
            </h3>
            <p className="nhsuk-body-s">
              Recorded {formatDate(v.createdAt.slice(0, 10))}
              {v.createdByEmail ? ` by ${v.createdByEmail}` : ""}
            </p>
            <SummaryList
              rows={[
                ["What changed and why", <span key="w" className="app-pre-wrap">{v.changeSummary}</span>],
                v.changed.length ? ["Parts changed", v.changed.join("; ")] : null,
                ["Value", formatPence(v.valuePence)],
                ["Term", `${formatDate(v.startDate)} to ${formatDate(v.endDate)}`],
                ["Parties", v.parties.map((p) => `${p.organisationName} (lead: ${p.leadName})`).join("; ")],
                ["Services", v.services.map((s) => s.name).join("; ") || "None"],
                ["KPIs", v.kpis.map((k) => `${kpiMeasure(k.measure)?.label ?? k.measure}: ${k.targets.length} quarterly targets`).join("; ") || "None"],
              ]}
            />
          </div>
        </section>
      ))}
    </>
  );
}

type DeliveryData = Awaited<ReturnType<typeof getAgreementDelivery>>;

function DeliveryTab({ a, delivery }: { a: AgreementDetail; delivery: DeliveryData }) {
  const download = (table: string, format = "csv") => `/agreements/${a.id}/download?${new URLSearchParams({ table, format })}`;
  const spend = delivery.spendTable;
  return (
    <>
      <h2>Delivery against the agreement</h2>
      <SyntheticBanner synthetic={delivery.synthetic} />
      <p className="nhsuk-body-s">
        Actuals are counted from the HJP activity of the {delivery.servicesCovered === 1 ? "service" : `${delivery.servicesCovered} services`} the agreement covers, by quarter of referral. Counts of 1 to 7 people are shown as *, other counts are rounded to the nearest 5; the status is judged on the unrounded figures, and a quarter still running is judged on its pace so far.
      </p>
      {delivery.kpis.length === 0 ? <p>This agreement has no KPIs.</p> : null}
      {delivery.kpis.map((k) => {
        const chart = seriesFromTable(k.table, [
          { key: "target", name: "Target" },
          { key: "actual", name: "Actual" },
        ]);
        return (
          <section key={k.measure} aria-labelledby={`${k.table.id}-heading`}>
            <h3 id={`${k.table.id}-heading`}>{k.label}</h3>
            <p className="nhsuk-body">
              Latest: {k.latest ? <><RagTag rag={k.latest.rag} /> in {k.latest.label}</> : "no quarter is due yet"}
            </p>
            <TrendChart
              id={`chart-${k.table.id}`}
              title={`${k.label}: target and actual by quarter`}
              description={`Line chart of the target (solid) and actual (dashed) for ${k.label.toLowerCase()} in each of ${chart.categories.length} quarters. The figures are in the table below.`}
              categories={chart.categories}
              series={chart.series}
            />
            <p className="nhsuk-body-s app-no-print">
              <a href={download(k.table.id, "svg")} download>
                Download this chart (SVG)<span className="nhsuk-u-visually-hidden">: {k.label}</span>
              </a>
            </p>
            <DisclosedTableView table={k.table} downloadHref={download(k.table.id)} />
          </section>
        );
      })}
      <section aria-labelledby="spend-heading">
        <h3 id="spend-heading">Spend to date against value</h3>
        <BarChart id="chart-spend" title="Spend to date against value" description="Bar chart of the agreement's value, what has fallen due, what has been paid and what remains. The figures are in the table below." bars={barsFromTable(spend, "amount")} />
        <p className="nhsuk-body-s app-no-print">
          <a href={download("spend", "svg")} download>
            Download this chart (SVG)<span className="nhsuk-u-visually-hidden">: spend to date</span>
          </a>
        </p>
        <DisclosedTableView table={spend} downloadHref={download("spend")} />
      </section>
    </>
  );
}

function PaymentsTab({ a, payments, fieldError }: { a: AgreementDetail; payments: NonNullable<Awaited<ReturnType<typeof getAgreementPayments>>>; fieldError: (f: string) => string | undefined }) {
  const s = payments.spend;
  const err = (f: string) => (fieldError(f) ? [fieldError(f)!] : undefined);
  return (
    <>
      <h2>Payments</h2>
      <SummaryList
        rows={[
          ["Awarded (value of the agreement)", formatPence(s.valuePence)],
          ["Due to date under the schedule", formatPence(s.dueToDatePence)],
          ["Paid to date", formatPence(s.paidPence)],
          ["Remaining", formatPence(s.remainingPence)],
        ]}
      />
      <Table
        caption="Payment schedule"
        head={["Due date", "Quarter", "Amount"]}
        numeric={[2]}
        rows={a.current.paymentSchedule.map((p) => [formatDate(p.dueDate), quarterOf(p.dueDate).label, formatPence(p.amountPence)])}
      />
      <Table caption="Payments made" head={["Paid on", "Reference", "Amount"]} numeric={[2]} rows={payments.payments.map((p) => [formatDate(p.paidOn), p.reference ?? "–", formatPence(p.amountPence)])} empty="No payments recorded yet." />
      {a.can.edit && a.status !== "draft" ? (
        <>
          <h3 id="record-payment">Record a payment</h3>
          <Form method="post" aria-labelledby="record-payment">
            <input type="hidden" name="intent" value="record-payment" />
            <TextInput id="payment-paidOn" name="paidOn" type="date" label="Date paid" errors={err("payment-paidOn")} className="nhsuk-input--width-10" />
            <TextInput id="payment-amount" name="amount" label="Amount in pounds" inputMode="decimal" errors={err("payment-amount")} className="nhsuk-input--width-10" />
            <TextInput id="payment-reference" name="reference" label="Reference (optional)" errors={err("payment-reference")} className="nhsuk-input--width-20" />
            <Button secondary>Record payment</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

function DocumentsTab({ a, documents, fieldError }: { a: AgreementDetail; documents: { id: number; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: string }[]; fieldError: (f: string) => string | undefined }) {
  return (
    <>
      <h2>Documents</h2>
      <Table
        caption="Documents attached to this agreement"
        head={["Document", "Size", "Attached"]}
        rows={documents.map((d) => [
          <a key={d.id} href={`/agreements/${a.id}/documents/${d.id}`}>
            {d.fileName}
          </a>,
          `${Math.max(1, Math.round(d.sizeBytes / 1024)).toLocaleString("en-GB")} KB`,
          formatDate(d.uploadedAt.slice(0, 10)),
        ])}
        empty="No documents attached yet."
      />
      {a.can.edit ? (
        <>
          <h3 id="attach">Attach a document</h3>
          <Form method="post" encType="multipart/form-data" aria-labelledby="attach">
            <input type="hidden" name="intent" value="upload" />
            <div className={`nhsuk-form-group${fieldError("file") ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label" htmlFor="file">
                Upload a file
              </label>
              <div className="nhsuk-hint" id="file-hint">
                PDF, Word, Excel, PowerPoint or OpenDocument, smaller than 10 MB
              </div>
              {fieldError("file") ? (
                <span className="nhsuk-error-message" id="file-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {fieldError("file")}
                </span>
              ) : null}
              <input className="nhsuk-file-upload" id="file" name="file" type="file" accept={ACCEPTED_EXTENSIONS} aria-describedby={`file-hint${fieldError("file") ? " file-error" : ""}`} />
            </div>
            <Button secondary>Attach document</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

function HistoryTab({ history }: { history: { id: number; at: string; actorEmail: string | null; action: string; summary: string | null }[] }) {
  return (
    <>
      <h2>History</h2>
      <p>Every change to this agreement, from the audit trail. Newest first.</p>
      <Table caption="Changes to this agreement" head={["When", "Who", "What"]} rows={history.map((h) => [new Date(h.at).toLocaleString("en-GB", { timeZone: "Europe/London" }), h.actorEmail ?? "System (demo data)", h.summary ?? h.action])} empty="No changes recorded." />
    </>
  );
}

function Table({ caption, head, rows, numeric = [], empty }: { caption: string; head: string[]; rows: ReactNode[][]; numeric?: number[]; empty?: string }) {
  if (rows.length === 0) return <p>{empty ?? "Nothing to show."}</p>;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {head.map((h, i) => (
            <th key={h} scope="col" className={`nhsuk-table__header${numeric.includes(i) ? " nhsuk-table__header--numeric" : ""}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((r, k) => (
          <tr key={k} className="nhsuk-table__row">
            {r.map((cell, i) => (
              <td key={i} className={`nhsuk-table__cell${numeric.includes(i) ? " nhsuk-table__cell--numeric" : ""}`}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agreement.title ?? "Agreement"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
