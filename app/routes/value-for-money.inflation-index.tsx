import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { requirePermission, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, TextInput } from "~/components/nhsuk/fields";
import { financialYearLabel } from "~/domain/value-for-money/rebase";
import { changeInflationIndex, listInflationIndex, UnitCostError } from "~/services/value-for-money/unit-costs.server";
import { InflationIndexFormSchema } from "~/validation/value-for-money";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return json({ index: await listInflationIndex({ db: context.db }), canEdit: hasPermission(user, "manage:inflation-index:any") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "manage:inflation-index:any");
  const submission = parseWithZod(await request.formData(), { schema: InflationIndexFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await changeInflationIndex({ db: context.db, actor: user, input: submission.value });
  } catch (error) {
    if (error instanceof UnitCostError) return json(submission.reply({ formErrors: [error.message] }), { status: 400 });
    throw error;
  }
  return redirect("/value-for-money/inflation-index");
}

const FIELD_ORDER = ["year", "value", "source"];

export default function InflationIndexRoute() {
  const { index, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "inflation-index-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InflationIndexFormSchema }),
    shouldValidate: "onBlur",
  });
  const ids = { year: fields.year.id, value: fields.value.id, source: fields.source.id };
  const errors = summaryErrors(form.allErrors, ids, FIELD_ORDER);
  useErrorTitle("Inflation index – Health justice commissioning", errors.length > 0);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/value-for-money/unit-costs", text: "Unit-cost library" },
        ]}
      />
      <ErrorSummary errors={errors} />
      <h1>Inflation index</h1>
      <p>
        The price index that brings unit values to one price year: a value from year A in year B prices is the value × index(B) ÷ index(A). Use one published series, such as HM Treasury's GDP deflator (the
        Green Book's choice, and GMCA's), and enter its values with their source. No values are shipped: where a year has none, estimates leave the values of that year in their own prices and say so.
      </p>
      {index.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Index values</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Financial year</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Index</th>
              <th scope="col" className="nhsuk-table__header">Source</th>
              {canEdit ? (
                <th scope="col" className="nhsuk-table__header">
                  <span className="nhsuk-u-visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {index.map((r) => (
              <tr className="nhsuk-table__row" key={r.year}>
                <td className="nhsuk-table__cell">{financialYearLabel(r.year)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.value.toLocaleString("en-GB", { maximumFractionDigits: 4 })}</td>
                <td className="nhsuk-table__cell">{r.source}</td>
                {canEdit ? (
                  <td className="nhsuk-table__cell">
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="year" value={r.year} />
                      <button type="submit" className="app-link-button">
                        Remove<span className="nhsuk-u-visually-hidden"> the value for {financialYearLabel(r.year)}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="nhsuk-inset-text">No index values have been entered yet, so estimates show each unit value in its own price year.</p>
      )}
      {canEdit ? (
        <>
          <h2 id="set-index">Set a year's index value</h2>
          <Form method="post" {...getFormProps(form)} aria-labelledby="set-index">
            <input type="hidden" name="intent" value="save" />
            <TextInput {...getInputProps(fields.year, { type: "text" })} key={fields.year.key} id={fields.year.id} label="Financial year" hint="For example 2010-11" errors={fields.year.errors} className="nhsuk-input--width-5" />
            <TextInput {...getInputProps(fields.value, { type: "text" })} key={fields.value.key} id={fields.value.id} label="Index value" hint="As published, for example 78.3 (a value that is already set is replaced)" errors={fields.value.errors} className="nhsuk-input--width-10" inputMode="decimal" />
            <TextInput {...getInputProps(fields.source, { type: "text" })} key={fields.source.key} id={fields.source.id} label="Source" hint="The publication and its date, like HM Treasury GDP deflators at market prices, March 2025" errors={fields.source.errors} />
            <Button>Save index value</Button>
          </Form>
        </>
      ) : (
        <p>
          Administrators and commissioners can enter index values. The values are used in every <Link to="/value-for-money/unit-costs">unit-cost</Link> estimate.
        </p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Inflation index – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
