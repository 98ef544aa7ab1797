import { describe, expect, it } from "vitest";
import { canEditPack, canReadPack } from "./pack-access";
import type { Actor } from "./permissions";

const GM = "E54000057";
const actors: Record<string, Actor> = {
  admin: { id: 1, role: "admin", icbCode: null, organisationId: null },
  commissioner: { id: 2, role: "commissioner", icbCode: GM, organisationId: null },
  strategist: { id: 3, role: "strategist", icbCode: GM, organisationId: null },
  otherStrategist: { id: 4, role: "strategist", icbCode: "E54000048", organisationId: null },
  sharedVcse: { id: 5, role: "vcse", icbCode: null, organisationId: 7 },
  otherVcse: { id: 6, role: "vcse", icbCode: null, organisationId: 8 },
};
const draft = { icbCode: GM, status: "draft" as const, sharedWithOrganisationIds: [7] };
const published = { ...draft, status: "published" as const };

describe("pack access", () => {
  it.each([
    ["admin", "draft", draft, true, true],
    ["commissioner", "draft", draft, true, true],
    ["strategist", "draft", draft, true, true],
    ["otherStrategist", "draft", draft, false, false],
    ["sharedVcse", "draft", draft, false, false],
    ["sharedVcse", "published", published, true, false],
    ["otherVcse", "published", published, false, false],
  ] as const)("%s on a %s pack reads and edits only as its role allows", (who, _status, pack, read, edit) => {
    expect(canReadPack(actors[who], pack)).toBe(read);
    expect(canEditPack(actors[who], pack)).toBe(edit);
  });

  it("lets no one signed out read a pack", () => {
    expect(canReadPack(null, published)).toBe(false);
  });
});
