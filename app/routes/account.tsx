import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/auth/permissions";
import { clearSessionCookie, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/nhsuk/fields";
import { revokeAllSessions } from "~/services/accounts/sessions.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return json({ user: { name: user.name, email: user.email, role: ROLE_LABELS[user.role], icbCode: user.icbCode, organisationName: user.organisationName } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  await revokeAllSessions({ db: context.db, userId: user.id });
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie(context) } });
}

export default function AccountRoute() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your account</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Name</dt>
          <dd className="nhsuk-summary-list__value">{user.name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Email address</dt>
          <dd className="nhsuk-summary-list__value">{user.email}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Role</dt>
          <dd className="nhsuk-summary-list__value">{user.role}</dd>
        </div>
        {user.icbCode ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Integrated care board</dt>
            <dd className="nhsuk-summary-list__value">{user.icbCode}</dd>
          </div>
        ) : null}
        {user.organisationName ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Organisation</dt>
            <dd className="nhsuk-summary-list__value">{user.organisationName}</dd>
          </div>
        ) : null}
      </dl>
      <h2>Sign out everywhere</h2>
      <p>This ends every session of yours, on every device, including this one.</p>
      <Form method="post">
        <Button secondary>Sign out of all sessions</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Your account – Health justice commissioning" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
