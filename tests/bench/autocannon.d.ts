// autocannon ships no types; these are the parts the benchmark reads (README, "API").
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p99: number; total: number };
  export type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number };
  export default function autocannon(options: { url: string; connections?: number; duration?: number; headers?: Record<string, string> }): Promise<Result>;
}
