import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Select, Textarea, TextInput } from "~/components/nhsuk/fields";
import { SECTIONS } from "~/domain/packs/sections";
import { getPack, getPackEditor, packErrorResponse, PackError, savePackVersion } from "~/services/packs/packs.server";
import { summaryErrors, useErrorTitle } from "~/utils/forms";
import { formFromSections, PackEditSchema, sectionsFromForm, parsePackId } from "~/validation/packs";


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const editor = await getPackEditor({ db: context.db, actor: user, id: parsePackId(params.id) }).catch(packErrorResponse);
  return json(editor, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = parsePackId(params.id);
  // Who may edit is settled before the form is read, so others learn nothing from its errors.
  const pack = await getPack({ db: context.db, actor: user, id }).catch(packErrorResponse);
  if (!pack.canEdit) packErrorResponse(new PackError(pack.status === "published" ? 409 : 403, "You cannot change this pack."));
  const submission = parseWithZod(await request.formData(), { schema: PackEditSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await savePackVersion({ db: context.db, actor: user, id, input: { title: submission.value.title, sections: sectionsFromForm(submission.value) } });
  } catch (error) {
    if (error instanceof PackError && error.status === 400) return json(submission.reply({ formErrors: [error.message] }), { status: 400 });
    packErrorResponse(error);
  }
  return redirect(`/packs/${id}`);
}

const ORDER = ["title", "populationInclude", "populationIndicators", "populationInequality", "hjpYear", "demandScenario", "fundingYear", "populationNarrative", "hjpNarrative", "demandNarrative", "fundingNarrative", "agreementsNarrative"];
const NARRATIVE_HINT = "Plain text. Leave a blank line between paragraphs, start a line with - for a bullet point, and put **two asterisks** around words to make them bold.";

function Include({ id, name, label, defaultChecked, errors }: { id: string; name: string; label: string; defaultChecked: boolean; errors?: string[] }) {
  return (
    <div className={`nhsuk-form-group${errors?.length ? " nhsuk-form-group--error" : ""}`}>
      {errors?.length ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors[0]}
        </span>
      ) : null}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={errors?.length ? `${id}-error` : undefined} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}

function SectionFieldset({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <fieldset className="nhsuk-fieldset app-pack-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 className="nhsuk-fieldset__heading">{title}</h2>
      </legend>
      <p className="nhsuk-body-s">{description}</p>
      {children}
    </fieldset>
  );
}

export default function EditPackRoute() {
  const { pack, indicators, periods, years, scenarios } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const defaults = formFromSections(pack.title, pack.version.sections);
  const [form, fields] = useForm({
    id: "edit-pack",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PackEditSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  const ids = Object.fromEntries(ORDER.map((n) => [n, fields[n as keyof typeof fields].id]));
  const errors = summaryErrors(form.allErrors, ids, ORDER);
  useErrorTitle(`Edit ${pack.title} – Health justice commissioning`, errors.length > 0);
  const chosen = new Set(defaults.populationIndicators as string[]);
  const bySection = [...new Set(indicators.map((i) => i.section))].map((s) => ({ section: s, items: indicators.filter((i) => i.section === s) }));
  const yearOptions = [{ value: "", label: "Every year of data" }, ...years.map((y) => ({ value: y, label: `Financial year ${y}` }))];
  const narrative = (f: typeof fields.hjpNarrative, label: string) => (
    <Textarea {...getTextareaProps(f)} key={f.key} id={f.id} label={label} hint={NARRATIVE_HINT} errors={f.errors} rows={6} />
  );
  const indicatorErrors = fields.populationIndicators.errors;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/packs", text: "Strategy evidence packs" },
          { href: `/packs/${pack.id}`, text: pack.title },
        ]}
      />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{pack.area.level === "place" ? `${pack.area.name}, ${pack.area.icbName}` : pack.area.name}</span>
      <h1>Edit the pack</h1>
      <p>Saving makes a new version of the draft (this is version {pack.version.number}). The pack shows live figures until it is published.</p>
      <Form method="post" {...getFormProps(form)}>
        <TextInput {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} id={fields.title.id} label="Title" errors={fields.title.errors} />

        <SectionFieldset title={SECTIONS.population.title} description={SECTIONS.population.description}>
          <Include id={fields.populationInclude.id} name={fields.populationInclude.name} label="Include this section" defaultChecked={Boolean(defaults.populationInclude)} errors={fields.populationInclude.errors} />
          <div className={`nhsuk-form-group${indicatorErrors?.length ? " nhsuk-form-group--error" : ""}`}>
            <fieldset className="nhsuk-fieldset" aria-describedby={`${fields.populationIndicators.id}-hint`} id={fields.populationIndicators.id} tabIndex={-1}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Indicators</legend>
              <div className="nhsuk-hint" id={`${fields.populationIndicators.id}-hint`}>
                Choose up to 12
              </div>
              {indicatorErrors?.length ? (
                <span className="nhsuk-error-message">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {indicatorErrors[0]}
                </span>
              ) : null}
              {bySection.map((g) => (
                <div key={g.section} className="app-pack-indicator-group">
                  <p className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">{g.section}</p>
                  <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                    {g.items.map((i) => (
                      <div className="nhsuk-checkboxes__item" key={i.id}>
                        <input className="nhsuk-checkboxes__input" id={`indicator-${i.id}`} name={fields.populationIndicators.name} type="checkbox" value={i.id} defaultChecked={chosen.has(i.id)} />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`indicator-${i.id}`}>
                          {i.name}
                        </label>
                      </div>
                    ))}
                  </div>
                </div>
              ))}
            </fieldset>
          </div>
          <Select
            id={fields.populationPeriod.id}
            name={fields.populationPeriod.name}
            label="Period"
            defaultValue={String(defaults.populationPeriod)}
            options={[{ value: "", label: "Latest for each indicator" }, ...periods.map((p) => ({ value: p, label: p }))]}
          />
          <Select
            id={fields.populationComparator.id}
            name={fields.populationComparator.name}
            label="Compare with"
            defaultValue={String(defaults.populationComparator)}
            options={[
              { value: "parent", label: pack.area.level === "place" ? `England and ${pack.area.icbName}` : "England" },
              { value: "england", label: "England only" },
            ]}
          />
          <Select
            id={fields.populationInequality.id}
            name={fields.populationInequality.name}
            label="Inequality by deprivation decile"
            hint="One indicator shown across the area's neighbourhoods by deprivation, with the slope index of inequality"
            errors={fields.populationInequality.errors}
            defaultValue={String(defaults.populationInequality)}
            options={[{ value: "", label: "None" }, ...indicators.map((i) => ({ value: i.id, label: i.name }))]}
          />
          {narrative(fields.populationNarrative, "Narrative for this section")}
        </SectionFieldset>

        <SectionFieldset title={SECTIONS["hjp-provision"].title} description={SECTIONS["hjp-provision"].description}>
          <Include id={fields.hjpInclude.id} name={fields.hjpInclude.name} label="Include this section" defaultChecked={Boolean(defaults.hjpInclude)} />
          <Select id={fields.hjpYear.id} name={fields.hjpYear.name} label="Period" defaultValue={String(defaults.hjpYear)} errors={fields.hjpYear.errors} options={yearOptions} />
          {narrative(fields.hjpNarrative, "Narrative for this section")}
        </SectionFieldset>

        <SectionFieldset title={SECTIONS.demand.title} description={SECTIONS.demand.description}>
          <Include id={fields.demandInclude.id} name={fields.demandInclude.name} label="Include this section" defaultChecked={Boolean(defaults.demandInclude)} />
          <Select
            id={fields.demandScenario.id}
            name={fields.demandScenario.name}
            label="Scenario"
            hint={`The model's default parameters, or a scenario saved on ${pack.area.icbName}'s demand page`}
            defaultValue={String(defaults.demandScenario)}
            errors={fields.demandScenario.errors}
            options={[{ value: "", label: "Default parameters" }, ...scenarios.map((s) => ({ value: String(s.id), label: s.name }))]}
          />
          {narrative(fields.demandNarrative, "Narrative for this section")}
        </SectionFieldset>

        <SectionFieldset title={SECTIONS["funding-outcomes"].title} description={SECTIONS["funding-outcomes"].description}>
          <Include id={fields.fundingInclude.id} name={fields.fundingInclude.name} label="Include this section" defaultChecked={Boolean(defaults.fundingInclude)} />
          <Select id={fields.fundingYear.id} name={fields.fundingYear.name} label="Period for outcomes" hint="Funding is always the awards running today" defaultValue={String(defaults.fundingYear)} errors={fields.fundingYear.errors} options={yearOptions} />
          {narrative(fields.fundingNarrative, "Narrative for this section")}
        </SectionFieldset>

        <SectionFieldset title={SECTIONS.agreements.title} description={SECTIONS.agreements.description}>
          <Include id={fields.agreementsInclude.id} name={fields.agreementsInclude.name} label="Include this section" defaultChecked={Boolean(defaults.agreementsInclude)} />
          {narrative(fields.agreementsNarrative, "Narrative for this section")}
        </SectionFieldset>

        <Button>Save draft</Button>
        <p>
          <Link to={`/packs/${pack.id}`}>Back to the pack without saving</Link>
        </p>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.pack.title ?? "pack"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
