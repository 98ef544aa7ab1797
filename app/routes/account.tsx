import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/auth/permissions";
import { clearSessionCookie, requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/nhsuk/fields";
import { SummaryList } from "~/components/nhsuk/summary-list";
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
      <SummaryList
        rows={[
          ["Name", user.name],
          ["Email address", user.email],
          ["Role", user.role],
          user.icbCode ? ["Integrated care board", user.icbCode] : null,
          user.organisationName ? ["Organisation", user.organisationName] : null,
        ]}
      />
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
