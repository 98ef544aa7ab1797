import { type FormMetadata, getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Textarea, TextInput } from "~/components/nhsuk/fields";
import { FORM_FIELDS, FIELD_NAMES, type FormField, returnFormSchema } from "~/domain/returns/form";
import { MEASURES, type MeasureCode } from "~/domain/returns/measures";
import { summaryErrors, useErrorTitle } from "~/utils/forms";
import { formatDateTime } from "./return-figures";

/** How long typing must pause before the draft saves itself. */
const AUTOSAVE_AFTER_MS = 3000;

type AutosaveReply = { autosave: true; ok: boolean; revision?: number; savedAt?: string; conflict?: boolean };

/**
 * The return form. Works without JavaScript (a plain POST: "Save as draft" or "Submit
 * return"); with JavaScript it also validates as you go and saves the draft to the server
 * a few seconds after you stop typing. The revision travels with every save, so a save
 * from a stale page is refused and shown as a conflict rather than overwriting.
 */
export function ReturnForm({
  action,
  required,
  defaultValue,
  revision: initialRevision,
  lastResult,
  title,
}: {
  action: string;
  required: MeasureCode[];
  defaultValue: Record<string, string>;
  revision: number;
  lastResult: SubmissionResult<string[]> | undefined;
  title: string;
}) {
  const [form, fields] = useForm({
    id: "return-form",
    lastResult,
    defaultValue,
    // A draft may hold anything typed, right or wrong: only submitting is checked.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formData.get("intent") === "save" ? z.object({}).passthrough() : returnFormSchema(required) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  const ids = Object.fromEntries(FIELD_NAMES.map((n) => [n, fields[n].id]));
  const errors = summaryErrors(form.allErrors, ids, FIELD_NAMES);
  useErrorTitle(title, errors.length > 0);

  const [revision, setRevision] = useState(initialRevision);
  const [status, setStatus] = useState<string>("");
  const fetcher = useFetcher<AutosaveReply>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const revisionRef = useRef(revision);
  revisionRef.current = revision;

  useEffect(() => setRevision(initialRevision), [initialRevision]);
  useEffect(() => {
    const data = fetcher.data;
    if (!data?.autosave) return;
    if (data.ok && data.revision !== undefined) {
      setRevision(data.revision);
      setStatus(`Draft saved automatically at ${data.savedAt ? formatDateTime(data.savedAt) : "just now"}.`);
    } else if (data.conflict) {
      setStatus("Someone else has saved this return since you opened it, so it was not saved automatically. Select “Save as draft” to compare the two versions.");
    }
  }, [fetcher.data]);
  useEffect(() => {
    const el = formRef.current;
    if (!el) return;
    const onInput = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const data = new FormData(el);
        data.set("intent", "autosave");
        data.set("revision", String(revisionRef.current));
        fetcher.submit(data, { method: "post", action });
      }, AUTOSAVE_AFTER_MS);
    };
    // An explicit save supersedes a pending autosave: left running, the timer could fire
    // while a slow save is in flight and race it with a stale revision.
    const onSubmit = () => clearTimeout(timer.current);
    el.addEventListener("input", onInput);
    el.addEventListener("submit", onSubmit);
    return () => {
      el.removeEventListener("input", onInput);
      el.removeEventListener("submit", onSubmit);
      clearTimeout(timer.current);
    };
    // fetcher.submit is stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  const input = (f: FormField) => {
    const meta = fields[f.name];
    if (f.kind === "text") return <Textarea {...getTextareaProps(meta)} key={meta.key} id={meta.id} label={f.label} hint={f.hint} errors={meta.errors} rows={6} />;
    return (
      <TextInput
        {...getInputProps(meta, { type: "text" })}
        key={meta.key}
        id={meta.id}
        label={f.label}
        hint={f.hint}
        errors={meta.errors}
        inputMode={f.kind === "count" ? "numeric" : "decimal"}
        spellCheck={false}
        autoComplete="off"
        className={f.kind === "count" ? "nhsuk-input--width-5" : "nhsuk-input--width-10"}
      />
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" action={action} {...getFormProps(form as FormMetadata<Record<string, unknown>, string[]>)} ref={formRef}>
        <input type="hidden" name="revision" value={revision} />
        {MEASURES.map((m) => {
          const list = FORM_FIELDS.filter((f) => f.measure === m.code);
          const grid = list.length > 3;
          return (
            <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" key={m.code} aria-describedby={`${m.code}-hint`}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                {m.label}
                {required.includes(m.code) ? "" : " (optional)"}
              </legend>
              <div className="nhsuk-hint" id={`${m.code}-hint`}>
                {MEASURE_HINTS[m.code]}
              </div>
              {grid ? <div className="app-count-grid">{list.map(input)}</div> : list.map(input)}
            </fieldset>
          );
        })}
        <p className="nhsuk-body-s" role="status" aria-live="polite">
          {status}
        </p>
        <div className="nhsuk-button-group">
          <Button name="intent" value="submit">
            Submit return
          </Button>
          <Button name="intent" value="save" secondary formNoValidate>
            Save as draft
          </Button>
        </div>
      </Form>
    </>
  );
}

const MEASURE_HINTS: Record<MeasureCode, string> = {
  "clients-advised": "Count each person once, however many problems or appointments they had this period.",
  "referrals-by-source": "Everyone referred to the service this period, by who referred them. Enter 0 where there were none.",
  "problem-mix": "Clients with each kind of problem. A client with several kinds counts in each, so these can add up to more than the clients advised.",
  "financial-gains": "Money secured for clients whose cases closed this period, in pounds.",
  "debt-managed": "Debt of clients whose cases closed this period, in pounds.",
  "housing-outcomes": "Clients whose cases closed this period with each housing outcome.",
  wellbeing: "The Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS, 7 to 35), for clients scored at first contact and at follow-up.",
  "case-studies": "What changed for people. Do not include names, dates of birth, addresses or anything else that could identify someone.",
};
