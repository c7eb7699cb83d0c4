/**
 * What React Native's native side gives its JavaScript, played by the Hermes CLI for the Hermes run (a
 * Metro polyfill, so it runs before React Native's own): the logging hook that React Native's console
 * polyfill writes through (the CLI has `print` and no `console`), a bridge with no native module (React
 * Native's JS then uses its defaults, for its feature flags), `performance.now` (which React Native's
 * events stamp themselves with; its own `performance` reads a native module), and timers. The CLI's `setTimeout` runs
 * callbacks in the order they were set, whatever their delay; these run each one when it is due, the
 * earliest first, as a device does.
 */
((global) => {
  const hostSetTimeout = global.setTimeout;
  const pending = [];
  let lastId = 0;
  let pumping = false;

  global.nativeLoggingHook = (message) => print(message);
  global.__fbBatchedBridgeConfig = { remoteModuleConfig: [] };
  const start = Date.now();
  global.performance = { now: () => Date.now() - start };

  const earliest = () =>
    pending.reduce(
      (first, timer) => (first === undefined || timer.due < first.due ? timer : first),
      undefined,
    );

  // One host task at a time: it runs the earliest timer once it is due (waiting for it if need be, since the
  // host's own timers cannot wait), then yields, so that promise jobs run between two timers.
  const pump = () => {
    pumping = false;
    const timer = earliest();
    if (timer === undefined) return;
    if (Date.now() >= timer.due) {
      pending.splice(pending.indexOf(timer), 1);
      timer.callback(...timer.args);
    }
    schedulePump();
  };

  const schedulePump = () => {
    if (pumping || pending.length === 0) return;
    pumping = true;
    hostSetTimeout(pump, 0);
  };

  global.setTimeout = (callback, delay, ...args) => {
    lastId += 1;
    // Ties keep the order the timers were set in: `earliest` takes the first of equal due times.
    pending.push({ id: lastId, due: Date.now() + Math.max(0, Number(delay) || 0), callback, args });
    schedulePump();
    return lastId;
  };

  global.clearTimeout = (id) => {
    const index = pending.findIndex((timer) => timer.id === id);
    if (index !== -1) pending.splice(index, 1);
  };
})(globalThis);
