import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getHealth } from "~/services/system/health.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await getHealth({ database: context.database, startedAt: context.startedAt, pageCache: context.pageCacheStats?.() });
  return json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
