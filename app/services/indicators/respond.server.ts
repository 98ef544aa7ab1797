import { json } from "@remix-run/node";
import type { z } from "zod";
import { toCsv } from "../../domain/indicators/csv";
import { QueryProblem } from "./query.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** CSV when asked for with ?format=csv or an Accept header that prefers text/csv; JSON otherwise. */
export function wantsCsv(request: Request, format: string | undefined): boolean {
  if (format) return format === "csv";
  const accept = (request.headers.get("Accept") ?? "").toLowerCase();
  const csv = accept.indexOf("text/csv");
  const json = accept.indexOf("application/json");
  // A client that lists both gets the one it lists first.
  return csv >= 0 && (json < 0 || csv < json);
}

export function apiJson(data: unknown, status = 200) {
  return json(data, { status, headers: NO_STORE });
}

export function apiCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], fileName: string) {
  return new Response(toCsv(columns, rows), {
    headers: { ...NO_STORE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "-")}"` },
  });
}

/** A 400 naming each query parameter that is wrong. */
export function badQuery(error: z.ZodError) {
  return apiJson(
    { error: "The query is not valid", issues: error.issues.map((i) => ({ parameter: i.path.join(".") || null, message: i.message })) },
    400,
  );
}

/** Runs a service call, turning its expected failures (unknown indicator or area, wrong parent) into JSON answers. */
export async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof QueryProblem) return apiJson({ error: error.message }, error.status);
    throw error;
  }
}
