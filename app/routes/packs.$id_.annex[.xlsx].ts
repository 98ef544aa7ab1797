import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { safeFileName } from "~/domain/charts/csv";
import { buildPackAnnex } from "~/services/packs/annex.server";
import { getPackContent, packErrorResponse } from "~/services/packs/packs.server";
import { parsePackId } from "~/validation/packs";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const id = parsePackId(params.id);
  const content = await getPackContent({ db: context.db, actor: user, id }).catch(packErrorResponse);
  const xlsx = await buildPackAnnex(content);
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${safeFileName(content.pack.title)} data annex.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
