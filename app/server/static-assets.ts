import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const nhsukDist = path.dirname(require.resolve("nhsuk-frontend/package.json")) + "/dist/nhsuk";

/** Where the NHS.UK frontend's images and favicons are served from (the CSS expects /assets). */
export const NHSUK_ASSETS_DIR = path.join(nhsukDist, "assets");

/**
 * The NHS.UK stylesheet without its @font-face rules. Frutiger is licensed to nhs.uk
 * and loads from assets.nhs.uk, which this service's content security policy (and
 * these machines) cannot reach; the stylesheet's own fallback (Arial) is used instead.
 */
export function nhsukStylesheet(): { css: string; etag: string } {
  const css = fs
    .readFileSync(path.join(nhsukDist, "nhsuk-frontend.min.css"), "utf8")
    .replace(/@font-face\{[^}]*\}/g, "")
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "");
  return { css, etag: `"${createHash("sha1").update(css).digest("hex").slice(0, 16)}"` };
}
