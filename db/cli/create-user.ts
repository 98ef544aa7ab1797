/**
 * `npm run user:create -- --role admin --email someone@nhs.net [--name "…"] [--icb E54000057] [--organisation 3]`
 * The password is asked for on a terminal, or read from standard input (one line).
 */
import readline from "node:readline";
import { z } from "zod";
import { AccountError, createUser } from "../../app/services/accounts/users.server";
import { CreateUserSchema } from "../../app/validation/accounts";
import { openDatabase } from "../client";
import { DatabaseLockedError } from "../lock";

function arg(argv: string[], name: string) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return "";
  }
  process.stderr.write("Password (12 characters or more): ");
  return new Promise((resolve) => {
    const chars: string[] = [];
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on("data", (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stderr.write("\n");
          resolve(chars.join(""));
          return;
        }
        if (ch === "\u0003") process.exit(130);
        if (ch === "\u007f") chars.pop();
        else chars.push(ch);
      }
    });
  });
}

async function main(argv: string[]) {
  const email = arg(argv, "email");
  const role = arg(argv, "role");
  const input = {
    email,
    role,
    name: arg(argv, "name") ?? email,
    icbCode: arg(argv, "icb"),
    organisationId: arg(argv, "organisation"),
    password: await readPassword(),
  };
  const parsed = CreateUserSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    return 2;
  }
  const demo = Boolean(process.env.DEMO === "1" || !process.env.DATABASE_URL) && process.env.DEMO !== "0";
  const database = await openDatabase({ purpose: "user:create" });
  try {
    const { id } = await createUser({ db: database.db, actor: null, input: parsed.data, demo });
    console.log(`Created ${parsed.data.role} ${parsed.data.email} (user ${id})`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DatabaseLockedError ? error.message : error instanceof z.ZodError ? error.message : error);
    process.exit(1);
  },
);
