import net from "node:net";

/**
 * A TCP port nothing is listening on, chosen by the operating system. Tests that start
 * real servers use it rather than a fixed range, so two test runs on one machine (or two
 * test files in one run) cannot start servers on the same port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
