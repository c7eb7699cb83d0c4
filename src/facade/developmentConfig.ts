import type { PimsConfig } from "../schemas/config.js";

/** A config `initialize` accepts, with placeholder credentials: for the simulator, demos and tests. */
export const developmentConfig: PimsConfig = {
  environnement: "development",
  mode: "B2C",
  credential: {
    clientId: "demo",
    clientSecret: "demo-secret",
    webviewsRedirectURI: "app://web",
    loginRedirectURI: "app://login",
  },
  profile: { brand: "Peugeot" },
};
