import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { ParameterFields } from "~/components/demand/parameter-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, TextInput, Textarea } from "~/components/nhsuk/fields";
import { formValues } from "~/domain/demand/form";
import { PARAMETER_IDS } from "~/domain/demand/parameters";
import { scenarioFromForm, ScenarioFormSchema } from "~/domain/demand/scenario-form";
import { type DemandPage, getDemandPage } from "~/services/demand/demand.server";
import { saveScenario } from "~/services/demand/scenarios.server";
import { todayIso } from "~/services/hjp/export.server";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

async function pageFor(request: Request, context: LoaderFunctionArgs["context"], code: string, query: URLSearchParams): Promise<DemandPage> {
  const user = await requireUser(request, context);
  const page = await getDemandPage({ db: context.db, actor: user, icbCode: code, query, today: todayIso() });
  if (page === "forbidden") forbidden();
  if (!page) notFound();
  if (!page.access.canCreate) forbidden("Only commissioners and strategists of this integrated care board can create scenarios.");
  return page;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await pageFor(request, context, params.code ?? "", new URL(request.url).searchParams);
  return json(page, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const page = await pageFor(request, context, params.code ?? "", new URLSearchParams());
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ScenarioFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const saved = await saveScenario({ db: context.db, actor: user, icbCode: page.inputs.icb.code, fields: scenarioFromForm(submission.value), base: page.inputs.base });
  if ("field" in saved) return json(submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }), { status: saved.field === "forbidden" ? 403 : 400 });
  return redirect(`/icb/${page.inputs.icb.code}/demand?scenario=${saved.id}`);
}

const FIELD_ORDER = ["name", "description", "annualGrowthPercent", "projectionYears", ...PARAMETER_IDS, "addSessionsPerWeek", "addNeighbourhoods", "removeServices"];

export default function NewDemandScenarioRoute() {
  const page = useLoaderData<typeof loader>() as unknown as DemandPage;
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-scenario",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScenarioFormSchema }),
    shouldValidate: "onSubmit",
  });
  const ids: Record<string, string> = { name: "name", description: "description", annualGrowthPercent: "annualGrowthPercent", projectionYears: "projectionYears", addSessionsPerWeek: "addSessionsPerWeek", addNeighbourhoods: "addNeighbourhoods", removeServices: "removeServices", ...Object.fromEntries(PARAMETER_IDS.map((id) => [id, `param-${id}`])) };
  const errors = summaryErrors(form.allErrors, ids, FIELD_ORDER);
  useErrorTitle("Save a demand scenario – Health justice commissioning", errors.length > 0);
  const base = `/icb/${page.inputs.icb.code}/demand`;
  const values = formValues(page.spec.parameterOverrides);
  const neighbourhoods = [...page.inputs.base.neighbourhoods].sort((a, b) => a.name.localeCompare(b.name));
  const error = (name: string) => form.allErrors[name]?.[0];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: `/icb/${page.inputs.icb.code}`, text: page.inputs.icb.name },
          { href: base, text: "Demand modelling" },
        ]}
      />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{page.inputs.icb.name}</span>
      <h1>Save a demand scenario</h1>
      <p>A scenario keeps its parameters, capacity changes and growth assumption, with your name and the date. Commissioners and strategists of this ICB can see it; VCSE partners only if you share it.</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <TextInput {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} id="name" label="Scenario name" errors={fields.name.errors} autoComplete="off" />
        <Textarea {...getTextareaProps(fields.description)} key={fields.description.key} id="description" label="What it tests (optional)" errors={fields.description.errors} rows={3} />
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id="sharedWithVcse" name="sharedWithVcse" type="checkbox" defaultChecked={false} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="sharedWithVcse">
                Share with VCSE partners working with this ICB
              </label>
            </div>
          </div>
        </div>

        <h2>Projection</h2>
        <TextInput
          id="annualGrowthPercent"
          name="annualGrowthPercent"
          label="Growth in registered adults, % a year"
          hint="An assumption for you to set, for example from ONS subnational population projections. Use a minus sign for decline."
          defaultValue={String(page.spec.annualGrowthRate * 100)}
          errors={fields.annualGrowthPercent.errors}
          inputMode="decimal"
          className="nhsuk-input--width-4"
        />
        <TextInput id="projectionYears" name="projectionYears" label="Years to project" defaultValue={String(page.spec.projectionYears)} errors={fields.projectionYears.errors} inputMode="numeric" className="nhsuk-input--width-3" />

        <h2>Parameters</h2>
        <ParameterFields values={values} errors={PARAMETER_IDS.filter((id) => error(id)).map((id) => ({ field: id, message: error(id)! }))} />

        <h2>Capacity changes</h2>
        <TextInput
          id="addSessionsPerWeek"
          name="addSessionsPerWeek"
          label="Add a co-located adviser: half-day sessions a week in each chosen neighbourhood (optional)"
          hint="One half-day a week is 0.1 FTE. Leave blank to add no adviser."
          errors={fields.addSessionsPerWeek.errors}
          inputMode="decimal"
          className="nhsuk-input--width-3"
        />
        <div className={`nhsuk-form-group${error("addNeighbourhoods") ? " nhsuk-form-group--error" : ""}`}>
          <fieldset className="nhsuk-fieldset" aria-describedby={error("addNeighbourhoods") ? "addNeighbourhoods-error" : undefined}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Neighbourhoods where the new adviser works</legend>
            {error("addNeighbourhoods") ? (
              <span className="nhsuk-error-message" id="addNeighbourhoods-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {error("addNeighbourhoods")}
              </span>
            ) : null}
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small app-demand-checkboxes" id="addNeighbourhoods">
              {neighbourhoods.map((n) => (
                <div className="nhsuk-checkboxes__item" key={n.code}>
                  <input className="nhsuk-checkboxes__input" id={`add-${n.code}`} name="addNeighbourhoods" type="checkbox" value={n.code} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`add-${n.code}`}>
                    {n.name}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {page.inputs.services.length ? (
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Remove funded services (optional)</legend>
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id="removeServices">
                {page.inputs.services.map((s) => (
                  <div className="nhsuk-checkboxes__item" key={s.id}>
                    <input className="nhsuk-checkboxes__input" id={`remove-${s.id}`} name="removeServices" type="checkbox" value={s.id} />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`remove-${s.id}`}>
                      {s.name} ({s.fundedFte.toLocaleString("en-GB")} FTE)
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        <Button>Save scenario</Button>
      </Form>
      <p>
        <Link to={base}>Back to the demand model</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Save a demand scenario – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
