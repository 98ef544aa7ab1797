import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/** A fresh nonce per response: inline scripts Remix needs carry it, nothing else runs. */
export function nonceMiddleware(_req: Request, res: Response, next: NextFunction) {
  res.locals.nonce = randomBytes(16).toString("base64");
  next();
}

export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
      // recharts and the maps set presentation through style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
  },
  // Same-origin pages only; no third-party embeds need cross-origin isolation exceptions.
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  strictTransportSecurity: process.env.NODE_ENV === "production" && process.env.HTTPS === "1",
});

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery protection for every state-changing request: the browser
 * must say the request came from this site (Sec-Fetch-Site or Origin). Session cookies
 * are also SameSite=Lax, so a forged cross-site POST carries no session either.
 */
export function sameOriginGuard(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite) {
    if (fetchSite === "same-origin" || fetchSite === "none") return next();
    return res.status(403).type("text/plain").send("Cross-site request refused.");
  }
  const origin = req.get("origin");
  if (origin) {
    const host = req.get("host");
    try {
      if (new URL(origin).host === host) return next();
    } catch {
      // An unparseable Origin is refused below.
    }
    return res.status(403).type("text/plain").send("Cross-site request refused.");
  }
  // Non-browser clients (curl, tests) send neither header; they cannot carry a victim's cookies.
  return next();
}
