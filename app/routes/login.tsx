import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button, TextInput } from "~/components/nhsuk/fields";
import { commitSessionCookie, getUser, safeRedirect } from "~/auth/session.server";
import { signIn } from "~/services/accounts/sign-in.server";
import { SignInSchema } from "~/validation/accounts";
import { summaryErrors, useErrorTitle } from "~/utils/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "/");
  if (await getUser(request, context)) throw redirect(redirectTo);
  return json({ redirectTo, demo: context.demo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await signIn({
    db: context.db,
    email: submission.value.email,
    password: submission.value.password,
    address: context.clientAddress,
    userAgent: request.headers.get("user-agent"),
    demo: context.demo,
  });
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `Too many failed attempts to sign in. Wait ${Math.ceil((result.retryAfterSeconds ?? 900) / 60)} minutes, then try again`
        : "Enter a correct email address and password";
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: result.reason === "throttled" ? 429 : 401 });
  }
  return redirect(safeRedirect(submission.value.redirectTo, "/"), {
    headers: { "Set-Cookie": await commitSessionCookie(context, result.token) },
  });
}

export default function LoginRoute() {
  const { redirectTo, demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onSubmit",
  });
  const errors = summaryErrors(form.allErrors, { email: fields.email.id, password: fields.password.id }, ["email", "password"]);
  useErrorTitle("Sign in – Health justice commissioning", errors.length > 0);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1>Sign in</h1>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            {...getInputProps(fields.email, { type: "email" })}
            key={fields.email.key}
            id={fields.email.id}
            label="Email address"
            autoComplete="username"
            spellCheck={false}
            errors={fields.email.errors ?? (form.errors?.length ? form.errors : null)}
          />
          <TextInput
            {...getInputProps(fields.password, { type: "password" })}
            key={fields.password.key}
            id={fields.password.id}
            label="Password"
            autoComplete="current-password"
            errors={fields.password.errors}
          />
          <Button>Sign in</Button>
        </Form>
        {demo ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              This is a demonstration. Sign in as <code>admin@example.org</code>, <code>commissioner@example.org</code>,{" "}
              <code>strategist@example.org</code> or <code>vcse@example.org</code> with the password <code>demo-password</code>.
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
