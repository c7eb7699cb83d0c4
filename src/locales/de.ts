export { de } from "../view/locales/de.js";
