import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ROLE_LABELS } from "~/auth/permissions";
import { requirePermission } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, Select, TextInput } from "~/components/nhsuk/fields";
import { AccountError, createUser, listOrganisations, listUsers, setUserActive } from "~/services/accounts/users.server";
import { CreateUserSchema } from "~/validation/accounts";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:users:any");
  const [users, organisations] = await Promise.all([listUsers({ db: context.db }), listOrganisations({ db: context.db })]);
  return json({ users, organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "manage:users:any");
  const formData = await request.formData();
  if (formData.get("intent") === "set-active") {
    const parsed = z.object({ userId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    try {
      await setUserActive({ db: context.db, actor, userId: parsed.data.userId, active: parsed.data.active === "true" });
    } catch (error) {
      if (error instanceof AccountError) throw new Response(error.message, { status: 400 });
      throw error;
    }
    return redirect("/admin/users");
  }
  const submission = parseWithZod(formData, { schema: CreateUserSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  try {
    await createUser({ db: context.db, actor, input: submission.value, demo: context.demo });
  } catch (error) {
    if (error instanceof AccountError) {
      return json(submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] }, hideFields: ["password"] }), { status: 400 });
    }
    throw error;
  }
  return redirect("/admin/users");
}

const FIELD_ORDER = ["name", "email", "role", "icbCode", "organisationId", "password"];

export default function AdminUsersRoute() {
  const { users, organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-user-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
    shouldValidate: "onBlur",
  });
  const ids = Object.fromEntries(FIELD_ORDER.map((n) => [n, fields[n as keyof typeof fields].id]));
  const errors = summaryErrors(form.allErrors, ids, FIELD_ORDER);
  useErrorTitle("Users – Health justice commissioning", errors.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Users</h1>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Everyone with an account</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Name</th>
            <th scope="col" className="nhsuk-table__header">Email</th>
            <th scope="col" className="nhsuk-table__header">Role</th>
            <th scope="col" className="nhsuk-table__header">ICB or organisation</th>
            <th scope="col" className="nhsuk-table__header">Status</th>
            <th scope="col" className="nhsuk-table__header"><span className="nhsuk-u-visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {users.map((u) => (
            <tr className="nhsuk-table__row" key={u.id}>
              <td className="nhsuk-table__cell">{u.name}</td>
              <td className="nhsuk-table__cell">{u.email}</td>
              <td className="nhsuk-table__cell">{ROLE_LABELS[u.role]}</td>
              <td className="nhsuk-table__cell">{u.organisationName ?? u.icbCode ?? "All"}</td>
              <td className="nhsuk-table__cell">{u.active ? "Active" : "Deactivated"}</td>
              <td className="nhsuk-table__cell">
                <Form method="post">
                  <input type="hidden" name="intent" value="set-active" />
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                  <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0">
                    {u.active ? "Deactivate" : "Reactivate"}<span className="nhsuk-u-visually-hidden"> {u.email}</span>
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="new-user">Create a user</h2>
      <Form method="post" {...getFormProps(form)} aria-labelledby="new-user">
        <TextInput {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} id={fields.name.id} label="Name" errors={fields.name.errors} autoComplete="off" />
        <TextInput {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} id={fields.email.id} label="Email address" errors={fields.email.errors} autoComplete="off" spellCheck={false} />
        <Select
          {...getSelectProps(fields.role)}
          key={fields.role.key}
          id={fields.role.id}
          label="Role"
          placeholder="Select a role"
          options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
          errors={fields.role.errors}
        />
        <TextInput
          {...getInputProps(fields.icbCode, { type: "text" })}
          key={fields.icbCode.key}
          id={fields.icbCode.id}
          label="ICB code (commissioners and strategists)"
          hint="The ONS code of the integrated care board, for example E54000057 for NHS Greater Manchester ICB"
          errors={fields.icbCode.errors}
          className="nhsuk-input--width-10"
        />
        <Select
          {...getSelectProps(fields.organisationId)}
          key={fields.organisationId.key}
          id={fields.organisationId.id}
          label="Organisation (VCSE partners)"
          placeholder="Select an organisation"
          options={organisations}
          errors={fields.organisationId.errors}
        />
        <TextInput
          {...getInputProps(fields.password, { type: "password" })}
          key={fields.password.key}
          id={fields.password.id}
          label="Initial password"
          hint="12 characters or more. Give it to the person by a separate, secure route."
          errors={fields.password.errors}
          autoComplete="new-password"
        />
        <Button>Create user</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Users – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
