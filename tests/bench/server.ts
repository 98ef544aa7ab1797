import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type StartedServer = { child: ChildProcess; port: number; startMs: number; output(): string; stop(): Promise<void> };

/** Starts the built server on an empty database and times it to its first 200 response. */
export async function startServer(options: { port: number; env: Record<string, string> }): Promise<StartedServer> {
  const t0 = performance.now();
  const child = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(options.port), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${options.port}/`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const startMs = performance.now() - t0;
  return {
    child,
    port: options.port,
    startMs,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Server time per request (time to the full body), median and 95th percentile of n sequential requests. */
export async function timeRequests(url: string, n: number, headers: Record<string, string> = {}) {
  const times: number[] = [];
  // One warm-up request so that the first measured one is not paying for module loading.
  await (await fetch(url, { headers })).text();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { median: q(0.5), p95: q(0.95) };
}

export function rmrf(p: string) {
  fs.rmSync(p, { recursive: true, force: true });
  fs.rmSync(`${p}.lock`, { force: true });
}

/** Signs in through the real form and returns the session cookie for timed requests. */
export async function signIn(port: number, email: string, password = "demo-password"): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return cookie.split(";")[0];
}
