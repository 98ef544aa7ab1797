import { useEffect } from "react";
import type { SummaryError } from "../components/nhsuk/error-summary";

/**
 * Builds the NHS error summary from Conform's errors: each message links to the
 * field's id, in the order the fields appear, with the same wording as inline.
 */
export function summaryErrors(
  allErrors: Record<string, string[] | undefined>,
  fieldIds: Record<string, string>,
  order: string[],
): SummaryError[] {
  const out: SummaryError[] = [];
  for (const name of order) {
    const messages = allErrors[name];
    if (messages?.length) out.push({ href: `#${fieldIds[name] ?? name}`, text: messages[0] });
  }
  // Errors on the form as a whole (key "") link to the first field.
  const formErrors = allErrors[""];
  if (formErrors?.length) out.unshift({ href: `#${fieldIds[order[0]] ?? order[0]}`, text: formErrors[0] });
  return out;
}

/**
 * "Error: " before the page title while a form shows errors (NHS/GOV.UK pattern).
 * Remix's meta cannot see action data, so the title is set once the page is live.
 */
export function useErrorTitle(title: string, hasErrors: boolean) {
  useEffect(() => {
    document.title = hasErrors ? `Error: ${title}` : title;
  }, [title, hasErrors]);
}
