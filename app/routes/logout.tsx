import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { clearSessionCookie, readSessionToken } from "~/auth/session.server";
import { revokeSession } from "~/services/accounts/sessions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await readSessionToken(request, context);
  if (token) await revokeSession({ db: context.db, token });
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie(context) } });
}

// Signing out changes state, so it is a POST; a GET (an old link) just goes home.
export async function loader() {
  return redirect("/");
}
