import { createSimulator, type Simulator, type SimulatorOptions } from "../services/simulator/index.js";

/**
 * One simulator per session, the session being the bearer token: concurrent flows never share an outbox,
 * a code or a fault. A session is created on first use; past `maxSessions` the least recently used one is
 * dropped (its next request starts a fresh one).
 */
export interface SessionStore {
  /** The session's simulator, created on first use. */
  get(token: string): Simulator;
  /** Replaces the session's simulator by one created with `overrides` over the server's defaults. */
  replace(token: string, overrides: SimulatorOptions): Simulator;
  readonly size: number;
  clear(): void;
}

export const createSessionStore = (defaults: SimulatorOptions, maxSessions: number): SessionStore => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const sessions = new Map<string, Simulator>();

  const remember = (token: string, simulator: Simulator): Simulator => {
    sessions.delete(token);
    sessions.set(token, simulator);
    while (sessions.size > maxSessions) {
      const oldest = sessions.keys().next();
      if (oldest.done) break;
      sessions.delete(oldest.value);
    }
    return simulator;
  };

  return {
    get(token) {
      return remember(token, sessions.get(token) ?? createSimulator(defaults));
    },
    replace(token, overrides) {
      return remember(token, createSimulator({ ...defaults, ...overrides }));
    },
    get size() {
      return sessions.size;
    },
    clear() {
      sessions.clear();
    },
  };
};
