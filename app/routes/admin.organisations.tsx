import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, TextInput } from "~/components/nhsuk/fields";
import { AccountError, createOrganisation, listOrganisations } from "~/services/accounts/users.server";
import { OrganisationSchema } from "~/validation/accounts";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:organisations:any");
  return json({ organisations: await listOrganisations({ db: context.db }) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "manage:organisations:any");
  const submission = parseWithZod(await request.formData(), { schema: OrganisationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await createOrganisation({ db: context.db, actor, input: submission.value });
  } catch (error) {
    if (error instanceof AccountError) return json(submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), { status: 400 });
    throw error;
  }
  return redirect("/admin/organisations");
}

const FIELD_ORDER = ["name", "charityNumber", "companyNumber", "giving360Id", "primaryIcbCode"];

export default function AdminOrganisationsRoute() {
  const { organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-organisation-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
    shouldValidate: "onBlur",
  });
  const ids = Object.fromEntries(FIELD_ORDER.map((n) => [n, fields[n as keyof typeof fields].id]));
  const errors = summaryErrors(form.allErrors, ids, FIELD_ORDER);
  useErrorTitle("Organisations – Health justice commissioning", errors.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Organisations</h1>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">VCSE organisations</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Name</th>
            <th scope="col" className="nhsuk-table__header">Charity number</th>
            <th scope="col" className="nhsuk-table__header">Company number</th>
            <th scope="col" className="nhsuk-table__header">360Giving identifier</th>
            <th scope="col" className="nhsuk-table__header">Main ICB</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {organisations.map((o) => (
            <tr className="nhsuk-table__row" key={o.id}>
              <td className="nhsuk-table__cell">{o.name}</td>
              <td className="nhsuk-table__cell">{o.charityNumber ?? "–"}</td>
              <td className="nhsuk-table__cell">{o.companyNumber ?? "–"}</td>
              <td className="nhsuk-table__cell">{o.giving360Id ?? "–"}</td>
              <td className="nhsuk-table__cell">{o.primaryIcbCode ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="new-organisation">Add a VCSE organisation</h2>
      <Form method="post" {...getFormProps(form)} aria-labelledby="new-organisation">
        <TextInput {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} id={fields.name.id} label="Name" errors={fields.name.errors} />
        <TextInput {...getInputProps(fields.charityNumber, { type: "text" })} key={fields.charityNumber.key} id={fields.charityNumber.id} label="Charity number (optional)" errors={fields.charityNumber.errors} className="nhsuk-input--width-10" />
        <TextInput {...getInputProps(fields.companyNumber, { type: "text" })} key={fields.companyNumber.key} id={fields.companyNumber.id} label="Company number (optional)" errors={fields.companyNumber.errors} className="nhsuk-input--width-10" />
        <TextInput
          {...getInputProps(fields.giving360Id, { type: "text" })}
          key={fields.giving360Id.key}
          id={fields.giving360Id.id}
          label="360Giving organisation identifier (optional)"
          hint="For example GB-CHC-1234567 for a registered charity, or GB-COH-01234567 for a company"
          errors={fields.giving360Id.errors}
          className="nhsuk-input--width-20"
        />
        <TextInput {...getInputProps(fields.primaryIcbCode, { type: "text" })} key={fields.primaryIcbCode.key} id={fields.primaryIcbCode.id} label="Main ICB code (optional)" errors={fields.primaryIcbCode.errors} className="nhsuk-input--width-10" />
        <Button>Add organisation</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Organisations – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
