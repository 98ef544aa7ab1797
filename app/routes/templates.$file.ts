import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/session.server";
import { templateFile } from "~/services/hjp/templates.server";

/** /templates/hjp-activity.csv, …/hjp-activity.xlsx, …/hjp-data-dictionary.csv: signed-in users only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const file = await templateFile(params.file ?? "");
  if (!file) notFound("There is no template with this name.");
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
