import { Transform } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { isDatabaseUnavailable } from "../db/errors";
import { NonceProvider } from "./utils/nonce";

/** Loader and action errors: a lost database marks the server's health down (503s follow). */
export function handleError(error: unknown, { context, request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    context.reportDatabaseUnavailable?.();
    console.error(`Database unavailable: ${(error as Error).message}`);
    return;
  }
  console.error(error);
}

const ABORT_DELAY = 5_000;

/**
 * React 18.3's stream writer can emit the unfilled tail of its 2 KB buffer (NUL bytes)
 * when a multi-byte character falls on a chunk boundary. NUL is never valid in HTML,
 * and inside SVG text browsers turn it into U+FFFD (a hydration mismatch), so drop it.
 */
function stripNulBytes() {
  return new Transform({
    transform(chunk: Buffer | string, encoding, callback) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
      callback(null, bytes.includes(0) ? Buffer.from(bytes.filter((byte) => byte !== 0)) : bytes);
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Crawlers, and anything that wants the whole page at once (print, PDF, tests),
  // get the document after everything has rendered.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = loadContext.nonce ?? "";
  // The request that found the database gone is itself a 503, not a 500: handleError
  // has already seen the raw error (errors here are sanitised) and marked it down.
  if (responseStatusCode >= 500 && loadContext.isDatabaseDown?.()) responseStatusCode = 503;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = stripNulBytes();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; those before it reach onShellError.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
