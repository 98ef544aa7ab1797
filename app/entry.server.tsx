import { Writable } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
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

/**
 * Loader data for a client-side navigation (`?_data=`): offered to the page cache like a
 * rendered document, when the middleware marked the request as cacheable.
 */
export async function handleDataRequest(response: Response, { context }: LoaderFunctionArgs | ActionFunctionArgs) {
  const offer = context.offerPage;
  if (offer && response.status === 200 && response.headers.get("Content-Type")?.startsWith("application/json")) {
    offer({ status: 200, html: Buffer.from(await response.clone().arrayBuffer()), headers: response.headers, nonce: "" });
  }
  return response;
}

const ABORT_DELAY = 5_000;

/**
 * React 18.3's stream writer can emit the unfilled tail of its 2 KB buffer (NUL bytes)
 * when a multi-byte character falls on a chunk boundary. NUL is never valid in HTML,
 * and inside SVG text browsers turn it into U+FFFD (a hydration mismatch), so drop it.
 */
function withoutNulBytes(html: Buffer): Buffer {
  return html.includes(0) ? Buffer.from(html.filter((byte) => byte !== 0)) : html;
}

/**
 * The document is rendered whole and sent as one body. No page defers data (loaders
 * return everything), so React's shell is the whole page and streaming it gained
 * nothing; it cost a 300 KB page about 150 writes of 2 KB, each passed through a
 * stream adapter, compressed on its own and written to the socket (a quarter of the
 * server's time in a CPU profile of the HJP dashboard). One buffer is compressed once.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  // The request that found the database gone is itself a 503, not a 500: handleError
  // has already seen the raw error (errors here are sanitised) and marked it down.
  if (responseStatusCode >= 500 && loadContext.isDatabaseDown?.()) responseStatusCode = 503;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, encoding, callback) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk);
        callback();
      },
    });
    sink.on("finish", () => {
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      const html = withoutNulBytes(Buffer.concat(chunks));
      loadContext.offerPage?.({ status: responseStatusCode, html, headers: responseHeaders, nonce });
      resolve(new Response(new Uint8Array(html), { headers: responseHeaders, status: responseStatusCode }));
    });
    sink.on("error", reject);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          pipe(sink);
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
