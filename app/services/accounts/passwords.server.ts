import argon2 from "argon2";

export const DEMO_PASSWORD = "demo-password";
export const MIN_PASSWORD_LENGTH = 12;

// OWASP's argon2id recommendation (19 MiB, 2 iterations) with a little more memory.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string) {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular: verified against when an email is unknown, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash() {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash;
}

/** Reasons a new password is refused, or null. */
export function passwordProblem(password: string, { demo }: { demo: boolean }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > 256) return "Password must be 256 characters or fewer";
  if (!demo && password === DEMO_PASSWORD) return "The demo password cannot be used outside demo mode";
  return null;
}
