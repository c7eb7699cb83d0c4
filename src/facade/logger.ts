export type LogLevel = "debug" | "info" | "warn" | "error";

/** Where the facade reports what it does. Entries carry codes and ids, never params or config values. */
export type Logger = (level: LogLevel, message: string, data?: Readonly<Record<string, unknown>>) => void;

export const silentLogger: Logger = () => {};
