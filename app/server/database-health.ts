import { type Database, ping } from "../../db/client";

/**
 * Whether the database is reachable, as far as the server knows. A request that fails
 * because the database is unreachable marks it down; while down, pages answer 503 at
 * once and a background check pings every second, so the server recovers by itself
 * when the database comes back, without a restart.
 */
export class DatabaseHealth {
  down = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: (line: string) => void = console.log,
  ) {}

  markDown() {
    if (this.down) return;
    this.down = true;
    this.log("Database unreachable: answering 503 until it is back");
    this.timer = setInterval(async () => {
      if (await ping(this.database)) {
        this.down = false;
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        this.log("Database reachable again");
      }
    }, 1000);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }
}
