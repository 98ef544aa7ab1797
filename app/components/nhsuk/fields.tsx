import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  /** Page-heading labels use the large label style. */
  labelClassName?: string;
};

function describedBy(id: string, hint: unknown, errors: string[] | null | undefined) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ id, label, hint, errors, labelClassName, children }: Common & { children: ReactNode }) {
  const hasError = Boolean(errors?.length);
  return (
    <div className={`nhsuk-form-group${hasError ? " nhsuk-form-group--error" : ""}`}>
      <label className={`nhsuk-label${labelClassName ? ` ${labelClassName}` : ""}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {hasError ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors![0]}
        </span>
      ) : null}
      {children}
    </div>
  );
}

/** NHS.UK text input with label, hint and inline error wired to aria-describedby. */
export function TextInput({
  id,
  label,
  hint,
  errors,
  labelClassName,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const hasError = Boolean(errors?.length);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} labelClassName={labelClassName}>
      <input
        {...input}
        id={id}
        className={`nhsuk-input${hasError ? " nhsuk-input--error" : ""}${className ? ` ${className}` : ""}`}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={hasError || undefined}
      />
    </FieldShell>
  );
}

export function Select({
  id,
  label,
  hint,
  errors,
  labelClassName,
  options,
  placeholder,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const hasError = Boolean(errors?.length);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} labelClassName={labelClassName}>
      <select
        {...select}
        id={id}
        className={`nhsuk-select${hasError ? " nhsuk-select--error" : ""}`}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={hasError || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Textarea({ id, label, hint, errors, labelClassName, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const hasError = Boolean(errors?.length);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} labelClassName={labelClassName}>
      <textarea
        {...area}
        id={id}
        className={`nhsuk-textarea${hasError ? " nhsuk-textarea--error" : ""}`}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={hasError || undefined}
      />
    </FieldShell>
  );
}

export function Button({ children, secondary, ...rest }: { children: ReactNode; secondary?: boolean } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button className={`nhsuk-button${secondary ? " nhsuk-button--secondary" : ""}`} data-module="nhsuk-button" type="submit" {...rest}>
      {children}
    </button>
  );
}
