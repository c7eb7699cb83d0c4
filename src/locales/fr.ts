export { fr } from "../view/locales/fr.js";
