import { eq } from "drizzle-orm";
import { createPack, type PackActor, savePackVersion } from "../../app/services/packs/packs.server";
import type { Db } from "../client";
import { packs, users } from "../schema/index";
import { GREATER_MANCHESTER_ICB } from "./demo-accounts";

/**
 * Demo mode only: one draft strategy evidence pack for Greater Manchester, written by
 * the demo strategist, so a new user sees what a pack looks like. Its figures are live
 * (a draft), so it always shows the data the demo holds. Made once, when there are no packs.
 */
export async function ensureDemoPack(db: Db): Promise<{ created: boolean }> {
  const [any] = await db.select({ id: packs.id }).from(packs).limit(1);
  if (any) return { created: false };
  const [author] = await db.select().from(users).where(eq(users.email, "strategist@example.org"));
  if (!author) return { created: false };
  const actor: PackActor = { id: author.id, role: author.role, icbCode: author.icbCode, organisationId: author.organisationId, email: author.email, name: author.name };
  const id = await createPack({ db, actor, input: { title: "Greater Manchester: health justice evidence (demo draft)", area: `icb:${GREATER_MANCHESTER_ICB}` } });
  await savePackVersion({
    db,
    actor,
    id,
    input: {
      title: "Greater Manchester: health justice evidence (demo draft)",
      sections: [
        {
          kind: "population",
          options: { indicators: ["qof-dep", "qof-mh"], period: "", comparator: "parent", inequality: "" },
          narrative: "Depression and serious mental illness are **more common** than in England in much of Greater Manchester.",
        },
        { kind: "hjp-provision", options: { year: "" }, narrative: "Health justice partnerships reach clients across the system.\n\n- Reach is highest in GP practices\n- Self-referrals are a small share" },
      ],
    },
  });
  return { created: true };
}
