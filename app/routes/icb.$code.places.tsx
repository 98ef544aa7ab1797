import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { assertCanAccess, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button } from "~/components/nhsuk/fields";
import { formatCount } from "~/domain/format/numbers";
import { defineCustomPlaces, getPlaceAssignments, PlacesError, useDefaultPlaces } from "~/services/geography/custom-places.server";
import { useErrorTitle } from "~/utils/forms";

async function authorise(request: Request, context: LoaderFunctionArgs["context"], code: string) {
  const user = await requireUser(request, context);
  const form = await getPlaceAssignments({ db: context.db, icbCode: code });
  if (!form) throw new Response("There is no integrated care board with this code.", { status: 404 });
  assertCanAccess(user, "define", "places", { icbCode: form.icb.code });
  return { user, form };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { form } = await authorise(request, context, params.code ?? "");
  return json(form);
}

const PlacesFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("use-default") }),
  z.object({
    intent: z.literal("define"),
    // One field per PCN: place.<PCN code> = place name.
    assignments: z.array(z.object({ pcnCode: z.string().regex(/^U\d{5}$/), placeName: z.string().max(120) })),
  }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, form } = await authorise(request, context, params.code ?? "");
  const formData = await request.formData();
  const parsed = PlacesFormSchema.safeParse({
    intent: formData.get("intent"),
    assignments: [...formData.entries()].filter(([k]) => k.startsWith("place.")).map(([k, v]) => ({ pcnCode: k.slice(6), placeName: String(v) })),
  });
  if (!parsed.success) throw new Response("The form could not be read.", { status: 400 });
  if (parsed.data.intent === "use-default") {
    await useDefaultPlaces({ db: context.db, actor: user, icbCode: form.icb.code });
    return redirect(`/icb/${form.icb.code}`);
  }
  try {
    await defineCustomPlaces({ db: context.db, actor: user, icbCode: form.icb.code, assignments: parsed.data.assignments });
  } catch (error) {
    if (error instanceof PlacesError) {
      const values = Object.fromEntries(parsed.data.assignments.map((a) => [a.pcnCode, a.placeName]));
      const missing = form.rows.filter((r) => !values[r.pcnCode]?.trim()).map((r) => r.pcnCode);
      return json({ error: error.message, fields: missing.length ? missing : error.pcnCode ? [error.pcnCode] : [], values }, { status: 400 });
    }
    throw error;
  }
  return redirect(`/icb/${form.icb.code}`);
}

export default function DefinePlacesRoute() {
  const { icb, scheme, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = new Set(actionData?.fields ?? []);
  const errors = actionData ? (actionData.fields.length ? actionData.fields.map((code) => ({ href: `#place-${code}`, text: `${actionData.error}: ${rows.find((r) => r.pcnCode === code)?.pcnName ?? code}` })) : [{ href: "#places-table", text: actionData.error }]) : [];
  useErrorTitle(`Define places – ${icb.name}`, errors.length > 0);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, { href: `/icb/${icb.code}`, text: icb.name }]} />
      <ErrorSummary errors={errors} />
      <h1>Define {icb.name}'s places</h1>
      <p>
        By default a place is an upper-tier local authority within the ICB. If the ICB works through other places (health and care
        partnerships, localities), give each primary care network the name of its place. Networks with the same name form one place,
        and every roll-up in the product then follows these places. The change is recorded in the audit trail.
      </p>
      <p>
        Places now: <strong>{scheme === "custom" ? "defined by the ICB" : "the default upper-tier local authorities"}</strong>.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="define" />
        <table className="nhsuk-table" id="places-table">
          <caption className="nhsuk-table__caption">Primary care networks and their places</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Primary care network</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Registered patients</th>
              <th scope="col" className="nhsuk-table__header">Place</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((r) => (
              <tr className="nhsuk-table__row" key={r.pcnCode}>
                <th scope="row" className="nhsuk-table__header">
                  <label htmlFor={`place-${r.pcnCode}`}>
                    {r.pcnName} <span className="nhsuk-u-secondary-text-colour">({r.pcnCode})</span>
                  </label>
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(r.registeredPopulation)}</td>
                <td className="nhsuk-table__cell">
                  <div className={`nhsuk-form-group nhsuk-u-margin-bottom-0${failed.has(r.pcnCode) ? " nhsuk-form-group--error" : ""}`}>
                    {failed.has(r.pcnCode) ? (
                      <span className="nhsuk-error-message" id={`place-${r.pcnCode}-error`}>
                        <span className="nhsuk-u-visually-hidden">Error:</span> {actionData?.error}
                      </span>
                    ) : null}
                    <input
                      className={`nhsuk-input${failed.has(r.pcnCode) ? " nhsuk-input--error" : ""}`}
                      id={`place-${r.pcnCode}`}
                      name={`place.${r.pcnCode}`}
                      defaultValue={actionData?.values[r.pcnCode] ?? r.placeName.replace(/ \(part in this ICB\)$/, "")}
                      aria-describedby={failed.has(r.pcnCode) ? `place-${r.pcnCode}-error` : undefined}
                      aria-invalid={failed.has(r.pcnCode) || undefined}
                      autoComplete="off"
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button>Save these places</Button>
      </Form>
      {scheme === "custom" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="use-default" />
          <Button secondary>Go back to the default places</Button>
        </Form>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Define places – ${data?.icb.name ?? "ICB"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
