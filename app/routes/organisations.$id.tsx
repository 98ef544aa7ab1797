import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { canAccess } from "~/auth/permissions";
import { notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, TextInput } from "~/components/nhsuk/fields";
import { SummaryList } from "~/components/nhsuk/summary-list";
import { AccountError, getOrganisationForUser, updateOrganisationIdentifiers } from "~/services/accounts/users.server";
import { OrganisationIdentifiersSchema } from "~/validation/accounts";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

const idOf = (raw: string | undefined) => {
  const parsed = z.coerce.number().int().positive().safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const organisation = await getOrganisationForUser({ db: context.db, actor: user, id: idOf(params.id) });
  if (!organisation) notFound("There is no organisation with this number that you can see.");
  return json({ organisation, canEdit: canAccess(user, "update", "organisation", { organisationId: organisation.id }) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = idOf(params.id);
  const organisation = await getOrganisationForUser({ db: context.db, actor: user, id });
  // The address decides which record changes; a tampered id in the form changes nothing.
  if (!organisation || !canAccess(user, "update", "organisation", { organisationId: id })) notFound();
  const submission = parseWithZod(await request.formData(), { schema: OrganisationIdentifiersSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await updateOrganisationIdentifiers({ db: context.db, actor: user, id, input: submission.value });
  } catch (error) {
    if (error instanceof AccountError) return json(submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), { status: 400 });
    throw error;
  }
  return redirect(`/organisations/${id}`);
}

const ORDER = ["charityNumber", "companyNumber", "giving360Id"];

export default function OrganisationRoute() {
  const { organisation, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "organisation-identifiers",
    lastResult,
    defaultValue: { charityNumber: organisation.charityNumber ?? "", companyNumber: organisation.companyNumber ?? "", giving360Id: organisation.giving360Id ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationIdentifiersSchema }),
    shouldValidate: "onBlur",
  });
  const errors = summaryErrors(form.allErrors, Object.fromEntries(ORDER.map((n) => [n, fields[n as keyof typeof fields].id])), ORDER);
  useErrorTitle(`${organisation.name} – Health justice commissioning`, errors.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">VCSE organisation</span>
      <h1>{organisation.name}</h1>
      <SummaryList
        rows={[
          ["Charity number", organisation.charityNumber ?? "–"],
          ["Company number", organisation.companyNumber ?? "–"],
          ["360Giving identifier", organisation.giving360Id ?? "–"],
          ["Main ICB", organisation.primaryIcbCode ?? "–"],
        ]}
      />
      {canEdit ? (
        <>
          <h2 id="identifiers">Update registration numbers</h2>
          <Form method="post" {...getFormProps(form)} aria-labelledby="identifiers">
            <input type="hidden" name="organisationId" value={organisation.id} />
            <TextInput {...getInputProps(fields.charityNumber, { type: "text" })} key={fields.charityNumber.key} id={fields.charityNumber.id} label="Charity number" errors={fields.charityNumber.errors} className="nhsuk-input--width-10" />
            <TextInput {...getInputProps(fields.companyNumber, { type: "text" })} key={fields.companyNumber.key} id={fields.companyNumber.id} label="Company number" errors={fields.companyNumber.errors} className="nhsuk-input--width-10" />
            <TextInput
              {...getInputProps(fields.giving360Id, { type: "text" })}
              key={fields.giving360Id.key}
              id={fields.giving360Id.id}
              label="360Giving organisation identifier"
              hint="For example GB-CHC-1234567 for a registered charity"
              errors={fields.giving360Id.errors}
              className="nhsuk-input--width-20"
            />
            <Button>Save</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Organisation"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
