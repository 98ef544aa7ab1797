import { PARAMETER_CATALOGUE, PARAMETER_IDS, ASSUMPTION_LABEL, type ParameterId } from "~/domain/demand/parameters";
import { toDisplay } from "~/domain/demand/form";

const shown = (id: ParameterId, v: number) => {
  const d = toDisplay(id, v);
  const scale = PARAMETER_CATALOGUE[id].displayScale ?? 1;
  const text = Number(d.toPrecision(3)).toLocaleString("en-GB");
  return scale === 100 ? `${text}%` : id === "costPerFte" ? `£${text}` : text;
};

/**
 * One field per model parameter, in display units, with its default, low and high
 * values and its source, or the assumption label where the figure is not evidence.
 * Field names are the parameter ids; the same names travel in the query string.
 */
export function ParameterFields({ values, errors, ids = PARAMETER_IDS.filter((id) => id !== "ltcReferencePrevalence") }: { values: Partial<Record<ParameterId, number | string>>; errors: { field: string; message: string }[]; ids?: readonly ParameterId[] }) {
  return (
    <>
      {ids.map((id) => {
        const def = PARAMETER_CATALOGUE[id];
        const error = errors.find((e) => e.field === id)?.message;
        const scale = def.displayScale ?? 1;
        const suffix = scale === 100 ? "%" : id === "costPerFte" ? "£ a year" : id === "clientsPerFte" ? "clients a year" : "";
        return (
          <div key={id} className={`nhsuk-form-group app-demand-param${error ? " nhsuk-form-group--error" : ""}`}>
            <label className="nhsuk-label nhsuk-label--s" htmlFor={`param-${id}`}>
              {def.label}
            </label>
            <div className="nhsuk-hint" id={`param-${id}-hint`}>
              Default {shown(id, def.default)} (low {shown(id, def.low)}, high {shown(id, def.high)}). {def.assumption ? <strong className="app-demand-assumption">{ASSUMPTION_LABEL}.</strong> : <>Source: {def.source}</>}
            </div>
            {error ? (
              <span className="nhsuk-error-message" id={`param-${id}-error`}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            ) : null}
            <div className="nhsuk-input-wrapper">
              <input
                className={`nhsuk-input nhsuk-input--width-5${error ? " nhsuk-input--error" : ""}`}
                id={`param-${id}`}
                name={id}
                type="text"
                inputMode="decimal"
                spellCheck={false}
                defaultValue={String(values[id] ?? "")}
                aria-describedby={`param-${id}-hint${error ? ` param-${id}-error` : ""}`}
                aria-invalid={error ? true : undefined}
              />
              {suffix ? (
                <div className="nhsuk-input__suffix" aria-hidden="true">
                  {suffix}
                </div>
              ) : null}
            </div>
            <details className="nhsuk-details app-demand-param__details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  Where the figures come from<span className="nhsuk-u-visually-hidden">: {def.label}</span>
                </span>
              </summary>
              <div className="nhsuk-details__text nhsuk-body-s">
                <p>{def.description}</p>
                {def.assumption ? <p>{def.note}</p> : null}
                <ul>
                  <li>Default: {def.valueNotes.default}</li>
                  <li>Low: {def.valueNotes.low}</li>
                  <li>High: {def.valueNotes.high}</li>
                </ul>
                {def.annualisation ? <p>Annualised: {def.annualisation}</p> : null}
              </div>
            </details>
          </div>
        );
      })}
    </>
  );
}
