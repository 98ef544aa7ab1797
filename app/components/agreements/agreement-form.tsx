import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Select, Textarea, TextInput } from "~/components/nhsuk/fields";
import { KPI_MEASURES } from "~/domain/agreements/kpis";
import { AGREEMENT_TYPES, TYPE_LABELS } from "~/domain/agreements/lifecycle";
import { PAYMENT_FREQUENCIES } from "~/domain/agreements/money";
import { summaryErrors } from "~/utils/forms";
import { AGREEMENT_FIELD_ORDER, type AgreementFormInput as AgreementFormData, KPI_ROWS, PARTY_ROWS } from "~/validation/agreements";

export type AgreementFormOptions = {
  organisations: { id: number; name: string }[];
  services: { id: number; name: string; organisationName: string }[];
  places: { code: string; name: string }[];
  neighbourhoods: { code: string; name: string }[];
};

/** The form's values as strings, in the shape Conform reads them back (`parties[0].leadName`). */
export type AgreementFormValues = Record<string, unknown>;

const idOf = (name: string) => `agreement-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;

function valueAt(values: AgreementFormValues, name: string): unknown {
  return name.split(/[[\].]+/).filter(Boolean).reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), values);
}
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

function Checkboxes({ name, legend, hint, items, checked, errors }: { name: string; legend: string; hint?: string; items: { value: string; label: string }[]; checked: string[]; errors?: string[] }) {
  const id = idOf(name);
  return (
    <div className={`nhsuk-form-group${errors?.length ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={[hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {errors?.length ? (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {errors[0]}
          </span>
        ) : null}
        {items.length === 0 ? <p className="nhsuk-body-s">None to choose from.</p> : null}
        <div className={`nhsuk-checkboxes nhsuk-checkboxes--small${items.length > 8 ? " app-checkbox-columns" : ""}`} id={id}>
          {items.map((item, i) => (
            <div className="nhsuk-checkboxes__item" key={item.value}>
              <input className="nhsuk-checkboxes__input" id={`${id}-${i}`} name={name} type="checkbox" value={item.value} defaultChecked={checked.includes(item.value)} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${i}`}>
                {item.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="nhsuk-fieldset app-form-section">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 className="nhsuk-fieldset__heading">{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

/**
 * The agreement's content, for creating one and for each new version. Fixed rows for
 * parties and KPIs keep it usable without JavaScript; blank rows are ignored.
 */
export function AgreementForm({
  form,
  values,
  options,
  submitLabel,
  askIcb,
  askChange,
  hidden,
  conflictHref,
}: {
  form: FormMetadata<AgreementFormData>;
  values: AgreementFormValues;
  options: AgreementFormOptions;
  submitLabel: string;
  /** Administrators choose the ICB; commissioners create for their own. */
  askIcb?: boolean;
  /** Variations must say what changed and why. */
  askChange?: "required" | "optional";
  hidden?: Record<string, string | number>;
  conflictHref?: string;
}) {
  const errors = form.allErrors;
  const err = (name: string) => errors[name];
  const v = (name: string) => str(valueAt(values, name));
  const input = (name: string, label: string, extra: Partial<React.ComponentProps<typeof TextInput>> = {}) => (
    <TextInput id={idOf(name)} name={name} label={label} defaultValue={v(name)} errors={err(name)} {...extra} />
  );
  const summary = summaryErrors(errors, Object.fromEntries(AGREEMENT_FIELD_ORDER.map((n) => [n, idOf(n)])), AGREEMENT_FIELD_ORDER);
  return (
    <>
      <ErrorSummary errors={summary} />
      {conflictHref && errors[""]?.length ? (
        <p className="nhsuk-body">
          <a href={conflictHref} target="_blank" rel="noreferrer">
            See the agreement as it is now (opens in a new tab)
          </a>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} aria-label={submitLabel}>
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {askChange ? (
          <Textarea
            id={idOf("changeSummary")}
            name="changeSummary"
            label={askChange === "required" ? "What changed and why" : "What changed and why (optional for a draft)"}
            hint="This is recorded with the new version and shown in the version history"
            defaultValue={v("changeSummary")}
            errors={err("changeSummary")}
            rows={3}
          />
        ) : null}
        <Section title="About the agreement">
          {askIcb ? input("icbCode", "ICB code", { hint: "The ONS code of the integrated care board, for example E54000057", className: "nhsuk-input--width-10" }) : null}
          {input("title", "Title")}
          <Select id={idOf("type")} name="type" label="Type of agreement" placeholder="Select a type" defaultValue={v("type")} options={AGREEMENT_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} errors={err("type")} />
          <Textarea id={idOf("purpose")} name="purpose" label="Purpose" defaultValue={v("purpose")} errors={err("purpose")} rows={4} />
        </Section>
        <Section title="Parties and leads">
          {input("icbLeadName", "ICB lead's name")}
          {input("icbLeadEmail", "ICB lead's email address (optional)", { type: "email", spellCheck: false })}
          {err("parties")?.length ? (
            <span className="nhsuk-error-message" id={idOf("parties")}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {err("parties")![0]}
            </span>
          ) : null}
          {Array.from({ length: PARTY_ROWS }, (_, i) => (
            <fieldset className="nhsuk-fieldset" key={i}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">VCSE organisation {i + 1}{i > 0 ? " (optional)" : ""}</legend>
              <Select
                id={idOf(`parties[${i}].organisationId`)}
                name={`parties[${i}].organisationId`}
                label="Organisation"
                placeholder="Select an organisation"
                defaultValue={v(`parties[${i}].organisationId`)}
                options={options.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
                errors={err(`parties[${i}].organisationId`)}
              />
              {input(`parties[${i}].leadName`, "Lead's name")}
              {input(`parties[${i}].leadEmail`, "Lead's email address (optional)", { type: "email", spellCheck: false })}
            </fieldset>
          ))}
        </Section>
        <Section title="Services and footprint">
          <Checkboxes
            name="serviceIds"
            legend="HJP services covered"
            hint="Delivery against the KPIs is counted from these services' activity. Each must be run by one of the parties."
            items={options.services.map((s) => ({ value: String(s.id), label: `${s.name} (${s.organisationName})` }))}
            checked={list(values.serviceIds)}
            errors={err("serviceIds")}
          />
          <Checkboxes name="footprintSystem" legend="Footprint: system" items={[{ value: "on", label: "The whole integrated care system" }]} checked={values.footprintSystem === "on" || values.footprintSystem === true ? ["on"] : []} errors={err("footprintSystem")} />
          <Checkboxes name="places" legend="Footprint: places" items={options.places.map((p) => ({ value: p.code, label: p.name }))} checked={list(values.places)} />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Footprint: neighbourhoods ({list(values.neighbourhoods).length} selected)</span>
            </summary>
            <div className="nhsuk-details__text">
              <Checkboxes name="neighbourhoods" legend="Neighbourhoods (primary care networks)" items={options.neighbourhoods.map((p) => ({ value: p.code, label: p.name }))} checked={list(values.neighbourhoods)} />
            </div>
          </details>
        </Section>
        <Section title="Money and dates">
          {input("value", "Value in pounds", { hint: "The total value over the term, for example 120000", inputMode: "decimal", className: "nhsuk-input--width-10", prefix: undefined })}
          <Select id={idOf("paymentFrequency")} name="paymentFrequency" label="Payment schedule" hint="Instalments are worked out from the value and the term" placeholder="Select a schedule" defaultValue={v("paymentFrequency")} options={PAYMENT_FREQUENCIES.map((f) => ({ value: f.code, label: f.label }))} errors={err("paymentFrequency")} />
          {input("startDate", "Start date", { type: "date", className: "nhsuk-input--width-10" })}
          {input("endDate", "End date", { type: "date", className: "nhsuk-input--width-10" })}
          {input("reviewDate", "Review date (optional)", { type: "date", className: "nhsuk-input--width-10" })}
        </Section>
        <Section title="Governance">
          <Textarea id={idOf("governanceMeetings")} name="governanceMeetings" label="Meetings" hint="For example: quarterly contract review; annual partnership board" defaultValue={v("governanceMeetings")} rows={2} />
          <Textarea id={idOf("governanceSeats")} name="governanceSeats" label="Seats on governance bodies" defaultValue={v("governanceSeats")} rows={2} />
          <Textarea id={idOf("governanceEscalation")} name="governanceEscalation" label="Escalation and dispute route" defaultValue={v("governanceEscalation")} rows={2} />
        </Section>
        <Section title="Data-sharing terms">
          <Textarea id={idOf("dataShared")} name="dataShared" label="What data is shared" defaultValue={v("dataShared")} rows={2} />
          {input("lawfulBasis", "Lawful basis", { hint: "For example: UK GDPR Article 6(1)(e) public task" })}
          {input("retention", "Retention")}
        </Section>
        <Section title="Reporting requirements">
          <Select id={idOf("reportingFrequency")} name="reportingFrequency" label="How often the organisation reports" placeholder="Select how often" defaultValue={v("reportingFrequency")} options={[{ value: "quarterly", label: "Quarterly" }, { value: "monthly", label: "Monthly" }, { value: "annual", label: "Annually" }]} errors={err("reportingFrequency")} />
          {input("reportingDueDays", "Days after each period the report is due", { inputMode: "numeric", className: "nhsuk-input--width-4" })}
          <Checkboxes name="reportingMeasures" legend="Measures reported" items={KPI_MEASURES.map((m) => ({ value: m.code, label: m.label }))} checked={list(values.reportingMeasures)} />
          <Textarea id={idOf("reportingNotes")} name="reportingNotes" label="Notes on reporting (optional)" defaultValue={v("reportingNotes")} rows={2} />
        </Section>
        <Section title="KPIs">
          <p className="nhsuk-body-s">Give each KPI a target for every quarter of the term. Money targets are in pounds; shares are percentages.</p>
          {Array.from({ length: KPI_ROWS }, (_, i) => (
            <fieldset className="nhsuk-fieldset" key={i}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">KPI {i + 1} (optional)</legend>
              <Select id={idOf(`kpis[${i}].measure`)} name={`kpis[${i}].measure`} label="Measure" placeholder="Select a measure" defaultValue={v(`kpis[${i}].measure`)} options={KPI_MEASURES.map((m) => ({ value: m.code, label: m.label }))} errors={err(`kpis[${i}].measure`)} />
              {input(`kpis[${i}].target`, "Target each quarter", { inputMode: "decimal", className: "nhsuk-input--width-10" })}
              <Textarea id={idOf(`kpis[${i}].overrides`)} name={`kpis[${i}].overrides`} label="Different targets for particular quarters (optional)" hint="One a line, like 2025-26 Q3: 150" defaultValue={v(`kpis[${i}].overrides`)} errors={err(`kpis[${i}].overrides`)} rows={2} />
            </fieldset>
          ))}
        </Section>
        <Button>{submitLabel}</Button>
      </Form>
    </>
  );
}
