import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/session.server";
import { attachmentDisposition } from "~/domain/agreements/documents";
import { getAgreementDocument } from "~/services/agreements/agreements.server";

/** A document attached to an agreement, for anyone who may see the agreement (others get 404). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const ids = z.object({ id: z.coerce.number().int().positive(), documentId: z.coerce.number().int().positive() }).safeParse(params);
  if (!ids.success) notFound();
  const doc = await getAgreementDocument({ db: context.db, actor: user, id: ids.data.id, documentId: ids.data.documentId });
  if (!doc) notFound("There is no document with this number that you can see.");
  return new Response(doc.content, {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(doc.content.byteLength),
      // Always a download, never shown inline: the browser must not render an uploaded file in our origin.
      "Content-Disposition": attachmentDisposition(doc.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
