// No React Native at all: Metro's module runtime and React Native's JS polyfills only.
