import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, Select } from "~/components/nhsuk/fields";
import { categoryField, LEVEL_LABELS, type ViewLevel } from "~/domain/charts/selection";

type Option = { value: string; label: string };

/** NHS.UK radios (no JavaScript needed: a GET form). */
export function Radios({ name, legend, options, value, hint }: { name: string; legend: string; options: (Option & { hint?: string; disabled?: boolean })[]; value: string; hint?: string }) {
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={hint ? `${name}-hint` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        <div className="nhsuk-radios nhsuk-radios--small">
          {options.map((o) => (
            <div className="nhsuk-radios__item" key={o.value}>
              <input className="nhsuk-radios__input" id={`${name}-${o.value}`} name={name} type="radio" value={o.value} defaultChecked={o.value === value} disabled={o.disabled} aria-describedby={o.hint ? `${name}-${o.value}-hint` : undefined} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${o.value}`}>
                {o.label}
              </label>
              {o.hint ? (
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${name}-${o.value}-hint`}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The breakdown selects every view shares: period, sex and age, category. */
export function BreakdownFields({
  periods,
  period,
  sexAges,
  sex,
  age,
  categories,
  categoryType,
  category,
}: {
  periods?: string[];
  period?: string | null;
  sexAges: { sex: string; age: string }[];
  sex: string | null;
  age: string | null;
  categories: { categoryType: string; category: string }[];
  categoryType: string | null;
  category: string | null;
}) {
  const sexes = [...new Set(sexAges.map((p) => p.sex))];
  const ages = [...new Set(sexAges.map((p) => p.age))];
  return (
    <>
      {periods && periods.length > 1 ? <Select id="period" name="period" label="Period" defaultValue={period ?? ""} options={[...periods].reverse().map((p) => ({ value: p, label: p }))} /> : period ? <input type="hidden" name="period" value={period} /> : null}
      {sexes.length > 1 ? <Select id="sex" name="sex" label="Sex" defaultValue={sex ?? ""} options={sexes.map((s) => ({ value: s, label: s }))} /> : sex ? <input type="hidden" name="sex" value={sex} /> : null}
      {ages.length > 1 ? <Select id="age" name="age" label="Age" defaultValue={age ?? ""} options={ages.map((a) => ({ value: a, label: a }))} /> : age ? <input type="hidden" name="age" value={age} /> : null}
      {categories.length > 1 ? (
        <Select
          id="cat"
          name="cat"
          label="Group"
          hint="The whole population, or one group of it"
          defaultValue={categoryField(categoryType ?? "", category ?? "")}
          options={categories.map((c) => ({ value: categoryField(c.categoryType, c.category), label: c.categoryType ? `${c.categoryType}: ${c.category}` : "Everyone (no breakdown)" }))}
        />
      ) : null}
    </>
  );
}

export function SelectionForm({ children, submit = "Show" }: { children: ReactNode; submit?: string }) {
  return (
    <Form method="get" className="app-selection app-no-print" preventScrollReset>
      <div className="app-selection__fields">{children}</div>
      <Button secondary>{submit}</Button>
    </Form>
  );
}

export function levelOptions(levels: { level: ViewLevel; available: boolean }[]) {
  return levels.map((l) => ({ value: l.level, label: LEVEL_LABELS[l.level].many, hint: l.available ? undefined : "No figures for this indicator", disabled: false }));
}
