// Preloaded into the import process when /usr/bin/time is missing: its peak memory, in kB.
process.on("exit", () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`));
