import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { forbidden, notFound, requireUser } from "~/auth/session.server";
import { AgreementForm } from "~/components/agreements/agreement-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { isVariation, STATUS_LABELS } from "~/domain/agreements/lifecycle";
import { AgreementConflictError, AgreementError, getAgreement, getAgreementOptions, updateAgreement } from "~/services/agreements/agreements.server";
import { useErrorTitle } from "~/utils/forms";
import { AgreementFormSchema, toAgreementInput, toFormValues } from "~/validation/agreements";

const idOf = (raw: string | undefined) => {
  const parsed = z.coerce.number().int().positive().safeParse(raw);
  return parsed.success ? parsed.data : notFound();
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const agreement = await getAgreement({ db: context.db, actor: user, id: idOf(params.id) });
  if (!agreement) notFound("There is no agreement with this number that you can see.");
  if (!agreement.can.edit) forbidden("Your account does not let you change this agreement.");
  if (!agreement.can.vary) throw new Response(`An agreement that is ${STATUS_LABELS[agreement.status].toLowerCase()} cannot be varied.`, { status: 409 });
  const options = await getAgreementOptions({ db: context.db, icbCode: agreement.icbCode });
  const c = agreement.current;
  return json({
    agreement: { id: agreement.id, title: agreement.title, status: agreement.status, revision: agreement.revision, version: c.version },
    options,
    values: toFormValues({ ...c, title: agreement.title, type: agreement.type, purpose: agreement.purpose, kpis: c.kpis as never, reporting: c.reporting as never, serviceIds: c.services.map((s) => s.id) }),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = idOf(params.id);
  const submission = parseWithZod(await request.formData(), { schema: AgreementFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), revision: null }, { status: 400 });
  try {
    await updateAgreement({ db: context.db, actor: user, id, expectedRevision: submission.value.revision ?? 0, input: toAgreementInput(submission.value) });
    return redirect(`/agreements/${id}?tab=versions`);
  } catch (error) {
    // The user's input comes back in the form; the new revision lets them save it once they have looked.
    if (error instanceof AgreementConflictError) return json({ result: submission.reply({ formErrors: [error.message] }), revision: error.currentRevision }, { status: 409 });
    if (error instanceof AgreementError) return json({ result: submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), revision: null }, { status: 400 });
    if (error instanceof Error && error.name === "AgreementNotFoundError") notFound();
    if (error instanceof Error && error.name === "AgreementForbiddenError") forbidden();
    throw error;
  }
}

export default function EditAgreementRoute() {
  const { agreement, options, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form] = useForm({
    id: "agreement-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AgreementFormSchema }),
    shouldValidate: "onSubmit",
  });
  const variation = isVariation(agreement.status);
  useErrorTitle(`Change ${agreement.title} – Health justice commissioning`, Object.values(form.allErrors).some((e) => e?.length));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/agreements", text: "Partnership agreements" },
          { href: `/agreements/${agreement.id}`, text: agreement.title },
        ]}
      />
      <span className="nhsuk-caption-l">{variation ? `Variation: version ${agreement.version + 1}` : "Draft"}</span>
      <h1>Change {agreement.title}</h1>
      <p className="nhsuk-body">
        {variation
          ? "This agreement has been agreed, so saving records a variation: a new version, with what changed and why. Earlier versions stay readable."
          : "This agreement is a draft. Saving records a new version of the draft."}
      </p>
      <AgreementForm
        form={form}
        values={(actionData?.result.initialValue as Record<string, unknown> | undefined) ?? values}
        options={options}
        submitLabel={variation ? "Save variation" : "Save draft"}
        askChange={variation ? "required" : "optional"}
        hidden={{ revision: actionData?.revision ?? agreement.revision }}
        conflictHref={`/agreements/${agreement.id}?tab=versions`}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change ${data?.agreement.title ?? "agreement"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
