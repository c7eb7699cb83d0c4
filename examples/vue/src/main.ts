import { createApp } from "vue";
import { registerLocale } from "../../../src/index";
import { de } from "../../../src/locales/de";
import { es } from "../../../src/locales/es";
import { fr } from "../../../src/locales/fr";
import { it } from "../../../src/locales/it";
import App from "./App.vue";

// The view model reads English by default; the page's four other languages are registered, so that
// `toViewModel(snapshot, { locale })` gives them. An app registers only the languages it offers.
registerLocale(fr, de, it, es);

createApp(App).mount("#app");
