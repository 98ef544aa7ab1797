import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { Footer } from "./components/nhsuk/footer";
import { Header, type NavItem } from "./components/nhsuk/header";
import { currentNavItem, navigationFor, type RootUser } from "./auth/navigation";
import { getUser } from "./auth/session.server";
import appStyles from "./styles/app.css";
import { useNonce } from "./utils/nonce";
import { ROLE_LABELS } from "./auth/permissions";

export const SERVICE_NAME = "Health justice commissioning";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: "/styles/nhsuk-frontend.css" },
  { rel: "stylesheet", href: appStyles },
];

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const rootUser: RootUser | null = user
    ? {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        icbCode: user.icbCode,
        organisationId: user.organisationId,
        organisationName: user.organisationName,
      }
    : null;
  return json({ user: rootUser, demo: context.demo });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const user = data?.user ?? null;
  const items = navigationFor(user);
  const current = currentNavItem(items, location.pathname);
  const navigation: NavItem[] = items.map((item) => ({ ...item, current: item.href === current }));
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <Header
          serviceName={SERVICE_NAME}
          account={user ? { name: user.name, detail: user.organisationName ?? ROLE_LABELS[user.role] } : null}
          navigation={navigation}
        />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
