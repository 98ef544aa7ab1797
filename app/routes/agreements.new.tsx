import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { canCreateAgreement } from "~/auth/agreement-access";
import { forbidden, requireUser } from "~/auth/session.server";
import { AgreementForm } from "~/components/agreements/agreement-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { AgreementError, createAgreement, getAgreementOptions } from "~/services/agreements/agreements.server";
import { useErrorTitle } from "~/utils/forms";
import { AgreementFormSchema, toAgreementInput } from "~/validation/agreements";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!canCreateAgreement(user)) forbidden();
  // Administrators pick the ICB (?icb=…) so the services and footprints offered are that ICB's.
  const icbCode = user.icbCode ?? (new URL(request.url).searchParams.get("icb")?.toUpperCase() || null);
  const options = await getAgreementOptions({ db: context.db, icbCode });
  return json({
    options,
    askIcb: !user.icbCode,
    defaults: {
      icbCode: icbCode ?? "",
      icbLeadName: user.name,
      icbLeadEmail: user.email,
      footprintSystem: "on",
      paymentFrequency: "quarterly-arrears",
      reportingFrequency: "quarterly",
      reportingDueDays: "30",
      reportingMeasures: ["clients-advised", "income-gained", "problems-resolved", "core20-share"],
    },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  if (!canCreateAgreement(user)) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: AgreementFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const icbCode = user.icbCode ?? submission.value.icbCode;
  if (!icbCode) return json(submission.reply({ fieldErrors: { icbCode: ["Enter the ICB's ONS code, like E54000057"] } }), { status: 400 });
  try {
    const id = await createAgreement({ db: context.db, actor: user, icbCode, input: toAgreementInput(submission.value) });
    return redirect(`/agreements/${id}`);
  } catch (error) {
    if (error instanceof AgreementError) return json(submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), { status: 400 });
    throw error;
  }
}

export default function NewAgreementRoute() {
  const { options, askIcb, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({
    id: "agreement-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AgreementFormSchema }),
    shouldValidate: "onSubmit",
  });
  useErrorTitle("New agreement – Health justice commissioning", Object.values(form.allErrors).some((e) => e?.length));
  return (
    <>
      <Breadcrumbs items={[{ href: "/", text: "Home" }, { href: "/agreements", text: "Partnership agreements" }]} />
      <h1>New partnership agreement</h1>
      <p className="nhsuk-body">The agreement starts as a draft. You can change it freely until it is agreed; after that, each change is recorded as a variation.</p>
      <AgreementForm form={form} values={(lastResult?.initialValue as Record<string, unknown> | undefined) ?? defaults} options={options} submitLabel="Create draft agreement" askIcb={askIcb} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "New agreement – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
