import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

type StatusHandler = (info: { error: { status: number; data: unknown } }) => ReactNode;

function messageOf(data: unknown): string | null {
  if (typeof data === "string" && data.trim()) return data;
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") {
    return data.message;
  }
  return null;
}

export function NotFound({ detail }: { detail?: string | null }) {
  return (
    <>
      <h1>Page not found</h1>
      <p>{detail ?? "If you typed the web address, check it is correct."}</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link to="/">Go to the home page</Link> to find your integrated care board.
      </p>
    </>
  );
}

export function ServerError() {
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later.</p>
      <p>Nothing you entered has been lost if you saw a confirmation before this page.</p>
    </>
  );
}

const defaultHandlers: Record<number, StatusHandler> = {
  400: ({ error }) => (
    <>
      <h1>There is a problem with the request</h1>
      <p>{messageOf(error.data) ?? "The address or form contained something the service cannot use."}</p>
    </>
  ),
  403: ({ error }) => (
    <>
      <h1>You do not have access to this page</h1>
      <p>{messageOf(error.data) ?? "Your account does not give you access to this information."}</p>
    </>
  ),
  404: ({ error }) => <NotFound detail={messageOf(error.data)} />,
  503: () => (
    <>
      <h1>Sorry, the service is unavailable</h1>
      <p>The database cannot be reached just now. Try again in a few minutes.</p>
    </>
  ),
};

/**
 * The one error view every route uses: expected failures (thrown 4xx responses)
 * get a specific page, anything else the NHS "problem with the service" page.
 */
export function GeneralErrorBoundary({
  statusHandlers,
}: {
  statusHandlers?: Record<number, StatusHandler>;
}) {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers?.[error.status] ?? defaultHandlers[error.status];
    if (handler) return <>{handler({ error })}</>;
  }
  if (typeof document === "undefined" || process.env.NODE_ENV !== "production") {
    console.error(error);
  }
  return <ServerError />;
}
