import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, getUser, notFound, readSessionToken, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Textarea } from "~/components/nhsuk/fields";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { FlagList, formatDate, formatDateTime, ReturnFigures, StatusTag } from "~/components/returns/return-figures";
import { ReturnForm } from "~/components/returns/return-form";
import { FORM_FIELDS, formToAggregates, pickFormValues, returnFormSchema } from "~/domain/returns/form";
import { SYNTHETIC_LABEL } from "~/services/hjp/dashboard.server";
import { discardPreservedForm, findPreservedForm, preserveForm, sessionOwner } from "~/services/returns/preserved-forms.server";
import { getReturnPage, getReturnRules, reviewReturn, saveDraft, submitFormReturn } from "~/services/returns/returns.server";
import { summaryErrors, useErrorTitle } from "~/utils/forms";
import { ReturnParamsSchema, ReviewReturnSchema } from "~/validation/returns";

function parseParams(params: Record<string, string | undefined>) {
  const parsed = ReturnParamsSchema.safeParse(params);
  if (!parsed.success) notFound();
  return { serviceId: parsed.data.serviceId, periodStart: parsed.data.period };
}

const todayIso = () => new Date().toISOString().slice(0, 10);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:return:own")) forbidden();
  const { serviceId, periodStart } = parseParams(params);
  const page = await getReturnPage({ db: context.db, actor: user, serviceId, periodStart, today: todayIso() });
  if (!page) notFound("There is no such return that you can see.");
  const url = new URL(request.url);
  const preserved = page.canEdit ? await findPreservedForm({ db: context.db, userId: user.id, formKey: url.pathname }) : null;
  return json(
    { page, preserved, synthetic: page.service.synthetic ? { label: SYNTHETIC_LABEL, organisations: [page.service.organisationName] } : null, notice: url.searchParams.get("saved") ? "saved" : url.searchParams.get("submitted") ? "submitted" : url.searchParams.get("reviewed") ? "reviewed" : null, role: user.role },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const url = new URL(request.url);
  const user = await getUser(request, context);
  if (!user) {
    // The session ended while the form was open: keep what was typed for whoever the
    // session belonged to, then ask them to sign in and bring them back here.
    const token = await readSessionToken(request, context);
    const owner = token ? await sessionOwner(context.db, token) : null;
    if (owner) await preserveForm({ db: context.db, userId: owner, formKey: url.pathname, values: pickFormValues(formData.entries()) });
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname })}`);
  }
  if (!hasPermission(user, "read:return:own")) forbidden();
  const { serviceId, periodStart } = parseParams(params);
  const intent = String(formData.get("intent") ?? "");
  const revision = Number(formData.get("revision") ?? "0");
  const values = pickFormValues(formData.entries());
  const db = context.db;

  if (intent === "autosave") {
    const result = await saveDraft({ db, actor: user, serviceId, periodStart, values, baseRevision: revision, autosave: true });
    if (!result.ok && result.reason === "not-found") notFound();
    return json({ autosave: true as const, ok: result.ok, revision: result.ok ? result.revision : undefined, savedAt: new Date().toISOString(), conflict: !result.ok && result.reason === "conflict" });
  }
  if (intent === "save" || intent === "overwrite") {
    const result = await saveDraft({ db, actor: user, serviceId, periodStart, values, baseRevision: revision });
    if (result.ok) {
      await discardPreservedForm({ db, userId: user.id, formKey: url.pathname });
      return redirect(`${url.pathname}?saved=1`);
    }
    if (result.reason === "not-found") notFound();
    if (result.reason === "conflict") return json({ conflict: { mine: values, theirs: result.conflict.theirs } }, { status: 409 });
    return json({ notEditable: true }, { status: 409 });
  }
  if (intent === "submit") {
    const rules = await getReturnRules({ db, actor: user, serviceId, periodStart });
    if (!rules) notFound();
    const submission = parseWithZod(formData, { schema: returnFormSchema(rules.requiredMeasures) });
    if (submission.status !== "success") return json({ form: "return" as const, result: submission.reply() }, { status: 400 });
    const result = await submitFormReturn({ db, actor: user, serviceId, periodStart, aggregates: formToAggregates(submission.value), baseRevision: revision });
    if (result.ok) {
      await discardPreservedForm({ db, userId: user.id, formKey: url.pathname });
      return redirect(`${url.pathname}?submitted=1`);
    }
    if (result.reason === "not-found") notFound();
    if (result.reason === "conflict") return json({ conflict: { mine: values, theirs: result.conflict.theirs } }, { status: 409 });
    return json({ notEditable: true }, { status: 409 });
  }
  if (intent === "review") {
    const submission = parseWithZod(formData, { schema: ReviewReturnSchema });
    if (submission.status !== "success") return json({ form: "review" as const, result: submission.reply() }, { status: 400 });
    const result = await reviewReturn({ db, actor: user, serviceId, periodStart, decision: submission.value.decision, comment: submission.value.comment?.trim() || null });
    if (!result.ok && result.reason === "not-found") notFound();
    if (!result.ok) return json({ notEditable: true }, { status: 409 });
    return redirect(`${url.pathname}?reviewed=1`);
  }
  throw new Response("Unknown action", { status: 400 });
}

type ActionData = {
  form?: "return" | "review";
  result?: Parameters<typeof ReturnForm>[0]["lastResult"];
  conflict?: { mine: Record<string, string>; theirs: { values: Record<string, string>; revision: number; savedAt: string | null; savedBy: string | null; state: string } };
  notEditable?: boolean;
};

export default function ReturnRoute() {
  const { page, preserved, synthetic, notice, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const location = useLocation();
  const title = `Return for ${page.period.label}: ${page.service.name} – Health justice commissioning`;
  const latest = page.versions[0] ?? null;
  const back = role === "vcse" ? { href: "/returns", text: "Your returns" } : { href: `/icb/${page.service.icbCode}/returns`, text: "Reporting tracker" };

  if (actionData?.conflict) return <ConflictView conflict={actionData.conflict} action={location.pathname} title={title} />;

  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, back]} />
      {notice === "submitted" ? <Banner text="Return submitted. The ICB has been told it is ready for review." /> : null}
      {notice === "saved" ? <Banner text="Draft saved. You can come back to it at any time." /> : null}
      {notice === "reviewed" ? <Banner text={`Review recorded: the return is now ${page.state === "accepted" ? "accepted" : "queried"}.`} /> : null}
      {actionData?.notEditable ? <Banner text="This return has changed since you opened it (it was submitted or reviewed). The page now shows it as it is." /> : null}
      <span className="nhsuk-caption-l">
        {page.service.name}, {page.service.organisationName}
      </span>
      <h1>Return for {page.period.label}</h1>
      <SyntheticBanner synthetic={synthetic} />
      <SummaryList
        rows={[
          ["Status", <StatusTag status={page.status} key="s" />],
          ["Period", `${formatDate(page.period.start)} to ${formatDate(page.period.end)}`],
          ["Due", `${formatDate(page.period.dueDate)}${page.daysOverdue ? ` (${page.daysOverdue} days overdue)` : ""}`],
          ["Integrated care board", page.service.icbName],
          latest ? ["Latest version", `Version ${latest.version}, ${latest.source === "form" ? "web form" : "uploaded case-level file"}, submitted ${formatDateTime(latest.submittedAt)}${latest.submittedBy ? ` by ${latest.submittedBy}` : ""}`] : null,
          page.draft.savedAt && page.canEdit ? ["Draft", `Saved ${formatDateTime(page.draft.savedAt)}${page.draft.savedBy ? ` by ${page.draft.savedBy}` : ""}`] : null,
        ]}
      />
      {page.state === "queried" && latest?.reviewComment ? (
        <div className="nhsuk-warning-callout" id="query">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>The ICB has queried this return
            </span>
          </h2>
          <p>{latest.reviewComment}</p>
          <p className="nhsuk-body-s">
            {latest.reviewedBy ? `${latest.reviewedBy}, ` : ""}
            {latest.reviewedAt ? formatDateTime(latest.reviewedAt) : ""}. Correct the figures below and submit the return again; the earlier version stays on record.
          </p>
        </div>
      ) : null}
      {page.canEdit ? (
        <>
          {preserved ? (
            <div className="nhsuk-inset-text" id="preserved">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                Your session ended before your last save, so we kept what you had typed ({formatDateTime(preserved.savedAt)}). It is in the form below: check it, then save or submit.
              </p>
            </div>
          ) : null}
          <h2>{page.state === "queried" ? "Correct and resubmit" : "Your figures"}</h2>
          <p>
            Fill in the form, or <Link to={`${location.pathname}/upload`}>upload your case-level file</Link> (the hjp-activity template) and we will work out the figures for you. You can save a draft and come back to it;
            with JavaScript on, the draft also saves itself as you type.
          </p>
          {page.hasActivityRows ? (
            <p className="nhsuk-body-s">
              This period already has case-level records for this service. If the ICB accepts a form return for it, the form&apos;s figures count for this period instead of those records (never both).
            </p>
          ) : null}
          <ReturnForm
            action={location.pathname}
            required={page.requirement.requiredMeasures}
            defaultValue={preserved?.values ?? page.draft.values}
            revision={page.draft.revision}
            lastResult={actionData?.form === "return" ? actionData.result : undefined}
            title={title}
          />
        </>
      ) : null}
      {page.canReview && latest ? <ReviewSection title={title} lastResult={actionData?.form === "review" ? actionData.result : undefined} /> : null}
      {page.versions.length ? (
        <>
          <h2 id="versions">Versions</h2>
          {page.versions.map((v, i) => (
            <details className="nhsuk-details" key={v.version} open={i === 0 && !page.canEdit}>
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  Version {v.version}: {v.source === "form" ? "web form" : "uploaded file"}, {formatDateTime(v.submittedAt)}
                  {v.review ? ` (${v.review})` : ""}
                </span>
              </summary>
              <div className="nhsuk-details__text">
                {v.review ? (
                  <p>
                    {v.review === "accepted" ? "Accepted" : "Queried"}
                    {v.reviewedBy ? ` by ${v.reviewedBy}` : ""}
                    {v.reviewedAt ? `, ${formatDateTime(v.reviewedAt)}` : ""}
                    {v.reviewComment ? `: “${v.reviewComment}”` : ""}
                  </p>
                ) : null}
                <FlagList flags={v.flags} />
                <ReturnFigures aggregates={v.aggregates} idPrefix={`v${v.version}`} />
              </div>
            </details>
          ))}
        </>
      ) : null}
      {page.history.length ? (
        <>
          <h2 id="history">History</h2>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Everything that has happened to this return, newest first</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  When
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Who
                </th>
                <th scope="col" className="nhsuk-table__header">
                  What
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {page.history.map((h, i) => (
                <tr className="nhsuk-table__row" key={i}>
                  <td className="nhsuk-table__cell">{formatDateTime(h.at)}</td>
                  <td className="nhsuk-table__cell">{h.who ?? "The system"}</td>
                  <td className="nhsuk-table__cell">{h.summary ?? h.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

function Banner({ text }: { text: string }) {
  return (
    <div className="nhsuk-inset-text" role="status">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{text}</p>
    </div>
  );
}

function ReviewSection({ title, lastResult }: { title: string; lastResult: ActionData["result"] }) {
  const [form, fields] = useForm({
    id: "review-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewReturnSchema }),
    shouldValidate: "onSubmit",
  });
  const errors = summaryErrors(form.allErrors, { decision: `${fields.decision.id}-accept`, comment: fields.comment.id }, ["decision", "comment"]);
  useErrorTitle(title, errors.length > 0);
  return (
    <section aria-labelledby="review-heading">
      <ErrorSummary errors={errors} />
      <h2 id="review-heading">Review this return</h2>
      <p>Check the latest version below, and any figures flagged for a question. Accept it, or query it with a note saying what the partner should check: they will see your note with the return.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="review" />
        <Textarea {...getTextareaProps(fields.comment)} key={fields.comment.key} id={fields.comment.id} label="Note to the partner" hint="Required when you query the return" errors={fields.comment.errors} rows={4} />
        <div className="nhsuk-button-group">
          <Button name="decision" value="accept" id={`${fields.decision.id}-accept`}>
            Accept return
          </Button>
          <Button name="decision" value="query" secondary>
            Query return
          </Button>
        </div>
      </Form>
    </section>
  );
}

function ConflictView({ conflict, action, title }: { conflict: NonNullable<ActionData["conflict"]>; action: string; title: string }) {
  useErrorTitle(title, true);
  const differs = FORM_FIELDS.filter((f) => (conflict.mine[f.name] ?? "") !== (conflict.theirs.values[f.name] ?? ""));
  return (
    <>
      <div className="nhsuk-error-summary" aria-labelledby="conflict-title" role="alert" tabIndex={-1}>
        <h2 className="nhsuk-error-summary__title" id="conflict-title">
          Someone else saved this return while you were editing it
        </h2>
        <div className="nhsuk-error-summary__body">
          <p>
            {conflict.theirs.savedBy ?? "Another user"} saved it{conflict.theirs.savedAt ? ` at ${formatDateTime(conflict.theirs.savedAt)}` : ""}. Nothing you typed has been lost and nothing has been overwritten. Compare the two versions and choose which to keep.
          </p>
        </div>
      </div>
      <h1>Choose which version to keep</h1>
      <table className="nhsuk-table" id="conflict-table">
        <caption className="nhsuk-table__caption">{differs.length ? `${differs.length} figures differ` : "The two versions hold the same figures"}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Figure
            </th>
            <th scope="col" className="nhsuk-table__header">
              Your version
            </th>
            <th scope="col" className="nhsuk-table__header">
              Saved version
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {differs.map((f) => (
            <tr className="nhsuk-table__row" key={f.name}>
              <th scope="row" className="nhsuk-table__header">
                {f.label}
              </th>
              <td className="nhsuk-table__cell">{conflict.mine[f.name] || "(blank)"}</td>
              <td className="nhsuk-table__cell">{conflict.theirs.values[f.name] || "(blank)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflict.theirs.state === "draft" || conflict.theirs.state === "queried" ? (
        <Form method="post" action={action}>
          <input type="hidden" name="revision" value={conflict.theirs.revision} />
          {Object.entries(conflict.mine).map(([k, v]) => (
            <input type="hidden" name={k} value={v} key={k} />
          ))}
          <div className="nhsuk-button-group">
            <Button name="intent" value="overwrite">
              Keep your version
            </Button>
            <a href={action} className="nhsuk-button nhsuk-button--secondary">
              Use the saved version
            </a>
          </div>
        </Form>
      ) : (
        <p>
          The return has been submitted since you opened it, so it can no longer be edited here. <a href={action}>See the return as it is now</a>.
        </p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Return for ${data.page.period.label}: ${data.page.service.name} – Health justice commissioning` : "Return – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
