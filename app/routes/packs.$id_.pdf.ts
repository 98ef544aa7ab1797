import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { safeFileName } from "~/domain/charts/csv";
import { buildPackPdf } from "~/components/packs/pack-pdf.server";
import { getPackContent, packErrorResponse } from "~/services/packs/packs.server";
import { parsePackId } from "~/validation/packs";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const id = parsePackId(params.id);
  const content = await getPackContent({ db: context.db, actor: user, id }).catch(packErrorResponse);
  const pdf = await buildPackPdf(content);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${safeFileName(content.pack.title)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
