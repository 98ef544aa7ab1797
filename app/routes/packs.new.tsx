import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { hasPermission } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, TextInput } from "~/components/nhsuk/fields";
import { createPack, listPackAreas, PackError } from "~/services/packs/packs.server";
import { summaryErrors, useErrorTitle } from "~/utils/forms";
import { NewPackSchema } from "~/validation/packs";

async function requireCreator(request: Request, context: LoaderFunctionArgs["context"]) {
  const user = await requireUser(request, context);
  if (!hasPermission(user, "create:pack:own") && !hasPermission(user, "create:pack:any")) forbidden();
  return user;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireCreator(request, context);
  return json({ groups: await listPackAreas({ db: context.db, actor: user }) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireCreator(request, context);
  const submission = parseWithZod(await request.formData(), { schema: NewPackSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const id = await createPack({ db: context.db, actor: user, input: submission.value });
    return redirect(`/packs/${id}/edit`);
  } catch (error) {
    if (error instanceof PackError && error.status === 400) return json(submission.reply({ fieldErrors: { area: [error.message] } }), { status: 400 });
    throw error;
  }
}

const TITLE = "Create a strategy evidence pack – Health justice commissioning";

export default function NewPackRoute() {
  const { groups } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "new-pack", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPackSchema }), shouldValidate: "onBlur" });
  const errors = summaryErrors(form.allErrors, { title: fields.title.id, area: fields.area.id }, ["title", "area"]);
  useErrorTitle(TITLE, errors.length > 0);
  const areaError = fields.area.errors?.length ? fields.area.errors : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", text: "Home" },
          { href: "/packs", text: "Strategy evidence packs" },
        ]}
      />
      <ErrorSummary errors={errors} />
      <h1>Create a strategy evidence pack</h1>
      <Form method="post" {...getFormProps(form)}>
        <TextInput {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} id={fields.title.id} label="Title" hint="For example, Evidence for the joint forward plan 2026 to 2031" errors={fields.title.errors} />
        <div className={`nhsuk-form-group${areaError ? " nhsuk-form-group--error" : ""}`}>
          <label className="nhsuk-label" htmlFor={fields.area.id}>
            Area
          </label>
          <div className="nhsuk-hint" id={`${fields.area.id}-hint`}>
            The whole integrated care system, or one of its places
          </div>
          {areaError ? (
            <span className="nhsuk-error-message" id={`${fields.area.id}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {areaError[0]}
            </span>
          ) : null}
          <select
            {...getSelectProps(fields.area)}
            key={fields.area.key}
            className={`nhsuk-select${areaError ? " nhsuk-select--error" : ""}`}
            aria-describedby={`${fields.area.id}-hint${areaError ? ` ${fields.area.id}-error` : ""}`}
          >
            <option value="">Select an area</option>
            {groups.map((g) => (
              <optgroup key={g.icbName} label={g.icbName}>
                {g.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <Button>Create and choose sections</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: TITLE }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
