// Shared by both stand-ins: where to listen, and one line on stdout that callers wait for.
// Port 0 asks the OS for a free port; the printed URL then tells the caller which one it got.
export const host = '127.0.0.1';

export function portFromArgs() {
  const value = process.argv[2] ?? process.env.PORT ?? '0';
  const port = Number.parseInt(value, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port '${value}': pass a number from 0 to 65535 as the first argument or PORT.`);
    process.exit(2);
  }
  return port;
}

export function announce(name, port) {
  console.log(`${name} stand-in listening on http://${host}:${port}`);
}

export function stopOnSignals(close) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => close().finally(() => process.exit(0)));
  }
}
