import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { hasPermission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SyntheticBanner } from "~/components/hjp-charts/synthetic-banner";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button } from "~/components/nhsuk/fields";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { FlagList, ReturnFigures } from "~/components/returns/return-figures";
import { totalReferrals } from "~/domain/returns/measures";
import { SYNTHETIC_LABEL } from "~/services/hjp/dashboard.server";
import { getReturnPage } from "~/services/returns/returns.server";
import { commitUpload, getUploadPreview, MAX_UPLOAD_BYTES, previewUpload, type UploadPreview } from "~/services/returns/uploads.server";
import { summaryErrors, useErrorTitle } from "~/utils/forms";
import { ReturnParamsSchema, uploadSchema } from "~/validation/returns";

function parseParams(params: Record<string, string | undefined>) {
  const parsed = ReturnParamsSchema.safeParse(params);
  if (!parsed.success) notFound();
  return { serviceId: parsed.data.serviceId, periodStart: parsed.data.period };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:return:own")) forbidden();
  const { serviceId, periodStart } = parseParams(params);
  const page = await getReturnPage({ db: context.db, actor: user, serviceId, periodStart, today: new Date().toISOString().slice(0, 10) });
  // Only the partner who can submit this return may upload for it; anyone else finds nothing here.
  if (!page || !page.canEdit) notFound("There is no return here that you can submit.");
  const uploadId = Number(new URL(request.url).searchParams.get("upload") ?? "");
  const preview = Number.isSafeInteger(uploadId) && uploadId > 0 ? await getUploadPreview({ db: context.db, actor: user, serviceId, periodStart, uploadId }) : null;
  return json(
    {
      service: page.service,
      period: page.period,
      hasActivityRows: page.hasActivityRows,
      synthetic: page.service.synthetic ? { label: SYNTHETIC_LABEL, organisations: [page.service.organisationName] } : null,
      preview,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "read:return:own")) forbidden();
  const { serviceId, periodStart } = parseParams(params);
  const url = new URL(request.url);
  const base = url.pathname.replace(/\/upload$/, "");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    const submission = parseWithZod(formData, { schema: uploadSchema() });
    if (submission.status !== "success") return json({ result: submission.reply(), preview: null }, { status: 400 });
    const file = submission.value.file;
    const preview = await previewUpload({ db: context.db, actor: user, serviceId, periodStart, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    if (!preview) notFound();
    if (preview.uploadId) return redirect(`${url.pathname}?upload=${preview.uploadId}`);
    return json({ result: submission.reply({ fieldErrors: { file: [`The file has ${preview.errors.length + preview.moreErrors} problems: nothing has been saved. Correct them and upload it again.`] } }), preview }, { status: 400 });
  }
  const form = z.object({ intent: z.literal("accept"), uploadId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response("Bad request", { status: 400 });
  const result = await commitUpload({ db: context.db, actor: user, serviceId, periodStart, uploadId: form.data.uploadId });
  if (result.ok) return redirect(`${base}?submitted=1`);
  if (result.reason === "not-found") notFound();
  if (result.reason === "errors") return json({ result: undefined, preview: { uploadId: null, fileName: "", rowsRead: 0, errors: result.errors, moreErrors: 0, totals: null, flags: [] } satisfies UploadPreview }, { status: 400 });
  return redirect(base);
}

export default function UploadRoute() {
  const { service, period, hasActivityRows, synthetic, preview: kept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { result?: SubmissionResult<string[]>; preview: UploadPreview | null } | undefined;
  const location = useLocation();
  const preview = (actionData?.preview ?? kept) as UploadPreview | null;
  const title = `Upload a return for ${period.label} – Health justice commissioning`;
  const [form, fields] = useForm({
    id: "upload-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema() }),
    shouldValidate: "onSubmit",
  });
  const errors = summaryErrors(form.allErrors, { file: fields.file.id }, ["file"]);
  useErrorTitle(title, errors.length > 0);
  const returnHref = location.pathname.replace(/\/upload$/, "");
  const ready = preview?.totals && preview.uploadId;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/returns", text: "Your returns" },
          { href: returnHref, text: `Return for ${period.label}` },
        ]}
      />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">
        {service.name}, {service.organisationName}
      </span>
      <h1>{ready ? "Check the figures from your file" : `Upload your case-level file for ${period.label}`}</h1>
      <SyntheticBanner synthetic={synthetic} />
      {ready ? (
        <>
          <p>
            We read {preview.rowsRead.toLocaleString("en-GB")} episodes from <strong>{preview.fileName}</strong> and found no problems. These are the figures your return will hold. Nothing has been saved yet.
          </p>
          <SummaryList
            rows={[
              ["Episodes (referrals)", String(totalReferrals(preview.totals!) ?? 0)],
              ["Clients advised", String(preview.totals!.clientsAdvised ?? 0)],
            ]}
          />
          <FlagList flags={preview.flags} heading="Figures the ICB may ask about" />
          <ReturnFigures aggregates={preview.totals!} idPrefix="preview" />
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Accepting submits this return and makes these episodes {service.name}&apos;s case-level records for {period.label}
              {hasActivityRows ? ", replacing the records already held for that period" : ""}. It all happens at once: if anything fails, nothing changes.
            </p>
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="uploadId" value={preview.uploadId!} />
            <div className="nhsuk-button-group">
              <Button>Accept and submit return</Button>
              <Link to={location.pathname} className="nhsuk-link">
                Upload a different file
              </Link>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p>
            Use the <a href="/templates/hjp-activity.csv">hjp-activity template (CSV)</a> or <a href="/templates/hjp-activity.xlsx">Excel version</a>: one row per client episode, pseudonymised (no names, NHS numbers, dates of birth or
            addresses). Every row must be for this service and this quarter:
          </p>
          <ul>
            <li>
              <code>provider_org_id</code>: <code>{service.giving360Id ?? "your organisation's 360Giving identifier"}</code>
            </li>
            <li>
              <code>service_ref</code>: <code>{service.ref}</code>
            </li>
            <li>
              <code>reporting_period</code>: <code>{period.label}</code>
            </li>
          </ul>
          <p>We check every row and show you the totals before anything is saved.</p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <div className={`nhsuk-form-group nhsuk-file-upload${fields.file.errors?.length ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label nhsuk-label--s" htmlFor={fields.file.id}>
                Case-level file
              </label>
              <div className="nhsuk-hint" id={`${fields.file.id}-hint`}>
                CSV or Excel (.xlsx), up to 20 MB
              </div>
              {fields.file.errors?.length ? (
                <span className="nhsuk-error-message" id={`${fields.file.id}-error`}>
                  <span className="nhsuk-u-visually-hidden">Error:</span> {fields.file.errors[0]}
                </span>
              ) : null}
              <input
                {...getInputProps(fields.file, { type: "file" })}
                key={fields.file.key}
                id={fields.file.id}
                className="nhsuk-file-upload__input"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={[`${fields.file.id}-hint`, fields.file.errors?.length ? `${fields.file.id}-error` : null].filter(Boolean).join(" ")}
              />
            </div>
            <Button>Check the file</Button>
          </Form>
          {preview && preview.errors.length ? <RowErrors preview={preview} /> : null}
          <p>
            <Link to={returnHref}>Fill in the form instead</Link>
          </p>
        </>
      )}
    </>
  );
}

function RowErrors({ preview }: { preview: UploadPreview }) {
  return (
    <>
      <h2 id="row-errors">Problems in the file</h2>
      <p>Nothing has been saved. Correct these in your file and upload it again.</p>
      <table className="nhsuk-table" id="row-errors-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Every problem found in the file, by line</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Line
            </th>
            <th scope="col" className="nhsuk-table__header">
              Column
            </th>
            <th scope="col" className="nhsuk-table__header">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {preview.errors.map((e, i) => (
            <tr className="nhsuk-table__row" key={i}>
              <td className="nhsuk-table__cell">{e.line || "–"}</td>
              <td className="nhsuk-table__cell">{e.column ?? "–"}</td>
              <td className="nhsuk-table__cell">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.moreErrors ? <p>… and {preview.moreErrors.toLocaleString("en-GB")} more problems like these.</p> : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Upload a return for ${data.period.label} – Health justice commissioning` : "Upload a return – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
