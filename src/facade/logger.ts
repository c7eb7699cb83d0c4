/** The severity of a log entry. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Where the facade reports what it does. Entries carry codes and ids, never params or config values. */
export type Logger = (level: LogLevel, message: string, data?: Readonly<Record<string, unknown>>) => void;

/** The default logger: it logs nothing. */
export const silentLogger: Logger = () => {};
