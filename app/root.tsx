import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { Footer } from "./components/nhsuk/footer";
import { Header } from "./components/nhsuk/header";
import appStyles from "./styles/app.css";
import { useNonce } from "./utils/nonce";

export const SERVICE_NAME = "Health justice commissioning";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: "/styles/nhsuk-frontend.css" },
  { rel: "stylesheet", href: appStyles },
];

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<{ user?: { name: string; detail?: string } | null }>("root");
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
        <Header serviceName={SERVICE_NAME} account={data?.user ?? null} navigation={[]} />
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
