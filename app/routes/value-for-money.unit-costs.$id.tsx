import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { hasPermission, type Permission } from "~/auth/permissions";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Select, TextInput } from "~/components/nhsuk/fields";
import { ESTIMATE_OUTCOMES } from "~/domain/value-for-money/estimate";
import { financialYearLabel } from "~/domain/value-for-money/rebase";
import { getUnitCost, saveUnitCost, UnitCostError } from "~/services/value-for-money/unit-costs.server";
import { UnitCostFormSchema } from "~/validation/value-for-money";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

const EDIT: Permission[] = ["manage:unit-costs:own", "manage:unit-costs:any"];

/** "new", or the id of a value this user may change (others are not found). */
async function editable(request: Request, context: LoaderFunctionArgs["context"], idParam: string | undefined) {
  const user = await requireUser(request, context);
  if (!EDIT.some((p) => hasPermission(user, p))) forbidden();
  if (idParam === "new") return { user, id: null, unitCost: null };
  const id = Number(idParam);
  const unitCost = Number.isSafeInteger(id) && id > 0 ? await getUnitCost({ db: context.db, id, actor: user }) : null;
  if (!unitCost?.canEdit) notFound("There is no unit value with this number that you can change.");
  return { user, id, unitCost };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { unitCost } = await editable(request, context, params.id);
  return json({ unitCost });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, id } = await editable(request, context, params.id);
  const submission = parseWithZod(await request.formData(), { schema: UnitCostFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await saveUnitCost({ db: context.db, actor: user, id, input: submission.value });
  } catch (error) {
    if (error instanceof UnitCostError) return json(submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), { status: 400 });
    throw error;
  }
  return redirect("/value-for-money/unit-costs");
}

const FIELD_ORDER = ["code", "item", "value", "unit", "priceYear", "outcome", "source", "sourceUrl", "licence"];

export default function UnitCostRoute() {
  const { unitCost } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "unit-cost-form",
    lastResult,
    defaultValue: unitCost
      ? {
          code: unitCost.code,
          item: unitCost.item,
          value: (unitCost.valuePence / 100).toFixed(2),
          unit: unitCost.unit,
          priceYear: financialYearLabel(unitCost.priceYear),
          outcome: unitCost.outcome ?? "",
          source: unitCost.source,
          sourceUrl: unitCost.sourceUrl ?? "",
          licence: unitCost.licence,
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UnitCostFormSchema }),
    shouldValidate: "onBlur",
  });
  const title = unitCost ? `Change unit value ${unitCost.code}` : "Add a unit value";
  const ids = Object.fromEntries(FIELD_ORDER.map((n) => [n, fields[n as keyof typeof fields].id]));
  const errors = summaryErrors(form.allErrors, ids, FIELD_ORDER);
  useErrorTitle(`${title} – Health justice commissioning`, errors.length > 0);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/value-for-money/unit-costs", text: "Unit-cost library" },
        ]}
      />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p>
        Enter the value as its source publishes it, in the source's own price year. The estimates bring it to the price year a user chooses with the <Link to="/value-for-money/inflation-index">inflation index</Link>.
        Only enter values whose licence allows your use of them, and say which licence.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <TextInput {...getInputProps(fields.code, { type: "text" })} key={fields.code.key} id={fields.code.id} label="Code" hint="The source's own code, like HO1.0, or one of your own" errors={fields.code.errors} className="nhsuk-input--width-10" />
        <TextInput {...getInputProps(fields.item, { type: "text" })} key={fields.item.key} id={fields.item.id} label="What the value is" errors={fields.item.errors} />
        <TextInput {...getInputProps(fields.value, { type: "text" })} key={fields.value.key} id={fields.value.id} label="Value in pounds" hint="For example 6680 or 38.50" errors={fields.value.errors} className="nhsuk-input--width-10" inputMode="decimal" />
        <TextInput {...getInputProps(fields.unit, { type: "text" })} key={fields.unit.key} id={fields.unit.id} label="Unit" hint="For example per incident, per consultation, per person per year" errors={fields.unit.errors} className="nhsuk-input--width-20" />
        <TextInput {...getInputProps(fields.priceYear, { type: "text" })} key={fields.priceYear.key} id={fields.priceYear.id} label="Price year" hint="The financial year the value is priced in, like 2010-11" errors={fields.priceYear.errors} className="nhsuk-input--width-5" />
        <Select
          {...getSelectProps(fields.outcome)}
          key={fields.outcome.key}
          id={fields.outcome.id}
          label="Outcome it is counted against in the estimate"
          hint="Leave as not counted to list the value for reference only"
          errors={fields.outcome.errors}
          placeholder="Not counted in the estimate"
          options={ESTIMATE_OUTCOMES.map((o) => ({ value: o.code, label: `${o.label} (${o.counts})` }))}
        />
        <TextInput {...getInputProps(fields.source, { type: "text" })} key={fields.source.key} id={fields.source.id} label="Source" hint="The publication, edition and table" errors={fields.source.errors} />
        <TextInput {...getInputProps(fields.sourceUrl, { type: "url" })} key={fields.sourceUrl.key} id={fields.sourceUrl.id} label="Source web address (optional)" errors={fields.sourceUrl.errors} />
        <TextInput {...getInputProps(fields.licence, { type: "text" })} key={fields.licence.key} id={fields.licence.id} label="Licence" hint="The licence you use the value under, like CC BY 4.0 or your HACT licence" errors={fields.licence.errors} />
        <Button>{unitCost ? "Save changes" : "Add unit value"}</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Unit value – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
