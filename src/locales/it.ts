export { it } from "../view/locales/it.js";
