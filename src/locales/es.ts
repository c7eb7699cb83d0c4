export { es } from "../view/locales/es.js";
