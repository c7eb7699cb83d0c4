/**
 * What the user reads beside the errors' own messages, in the five languages: the status of code entry,
 * the messages an error gets in a state where its own would not be true, and the countdowns' moments.
 * `{phone}` is the masked trusted phone.
 */
const en = {
  codeSent: "We sent a code by SMS to {phone}.",
  codeUnconfirmed:
    "We could not confirm that the SMS was sent. If you received a code, enter it; otherwise ask for a new one.",
  retypeCode: "Type the code again: it is not kept while the app is closed.",
  attemptsSpent: "That was the last attempt for this code. Ask for a new code.",
  requestRefused: "The request could not be processed. Please try again.",
  resendFailed: "No new code could be sent. The code you already received still works.",
  resendOffline: "You are offline, so no new code was sent. The code you already received still works.",
  resendUnconfirmed: "We could not confirm that a new code was sent. Enter the latest code you received.",
  resendAvailable: "You can now ask for a new code.",
  expiresInOneMinute: "The code expires in 1 minute.",
  expiresIn30Seconds: "The code expires in 30 seconds.",
};

/** A notice of the view model. */
export type NoticeKey = keyof typeof en;

const fr: Record<NoticeKey, string> = {
  codeSent: "Nous avons envoyé un code par SMS au {phone}.",
  codeUnconfirmed:
    "Nous n'avons pas pu confirmer l'envoi du SMS. Si vous avez reçu un code, saisissez-le ; sinon, demandez-en un nouveau.",
  retypeCode: "Saisissez de nouveau le code : il n'est pas conservé quand l'application est fermée.",
  attemptsSpent: "C'était le dernier essai pour ce code. Demandez un nouveau code.",
  requestRefused: "La demande n'a pas pu être traitée. Veuillez réessayer.",
  resendFailed: "Aucun nouveau code n'a pu être envoyé. Le code déjà reçu reste valable.",
  resendOffline: "Vous êtes hors ligne : aucun nouveau code n'a été envoyé. Le code déjà reçu reste valable.",
  resendUnconfirmed:
    "Nous n'avons pas pu confirmer l'envoi d'un nouveau code. Saisissez le dernier code reçu.",
  resendAvailable: "Vous pouvez maintenant demander un nouveau code.",
  expiresInOneMinute: "Le code expire dans 1 minute.",
  expiresIn30Seconds: "Le code expire dans 30 secondes.",
};

const de: Record<NoticeKey, string> = {
  codeSent: "Wir haben einen Code per SMS an {phone} gesendet.",
  codeUnconfirmed:
    "Wir konnten nicht bestätigen, dass die SMS gesendet wurde. Wenn Sie einen Code erhalten haben, geben Sie ihn ein; sonst fordern Sie einen neuen an.",
  retypeCode: "Geben Sie den Code erneut ein: Er wird nicht gespeichert, wenn die App geschlossen wird.",
  attemptsSpent: "Das war der letzte Versuch für diesen Code. Fordern Sie einen neuen Code an.",
  requestRefused: "Die Anfrage konnte nicht bearbeitet werden. Bitte versuchen Sie es erneut.",
  resendFailed: "Es konnte kein neuer Code gesendet werden. Der bereits erhaltene Code gilt weiterhin.",
  resendOffline:
    "Sie sind offline, daher wurde kein neuer Code gesendet. Der bereits erhaltene Code gilt weiterhin.",
  resendUnconfirmed:
    "Wir konnten nicht bestätigen, dass ein neuer Code gesendet wurde. Geben Sie den zuletzt erhaltenen Code ein.",
  resendAvailable: "Sie können jetzt einen neuen Code anfordern.",
  expiresInOneMinute: "Der Code läuft in 1 Minute ab.",
  expiresIn30Seconds: "Der Code läuft in 30 Sekunden ab.",
};

const it: Record<NoticeKey, string> = {
  codeSent: "Abbiamo inviato un codice via SMS al {phone}.",
  codeUnconfirmed:
    "Non è stato possibile confermare l'invio dell'SMS. Se hai ricevuto un codice, inseriscilo; altrimenti richiedine uno nuovo.",
  retypeCode: "Inserisci di nuovo il codice: non viene conservato quando l'app è chiusa.",
  attemptsSpent: "Era l'ultimo tentativo per questo codice. Richiedi un nuovo codice.",
  requestRefused: "Non è stato possibile elaborare la richiesta. Riprova.",
  resendFailed: "Non è stato possibile inviare un nuovo codice. Il codice già ricevuto è ancora valido.",
  resendOffline:
    "Sei offline, quindi nessun nuovo codice è stato inviato. Il codice già ricevuto è ancora valido.",
  resendUnconfirmed:
    "Non è stato possibile confermare l'invio di un nuovo codice. Inserisci l'ultimo codice ricevuto.",
  resendAvailable: "Ora puoi richiedere un nuovo codice.",
  expiresInOneMinute: "Il codice scade tra 1 minuto.",
  expiresIn30Seconds: "Il codice scade tra 30 secondi.",
};

const es: Record<NoticeKey, string> = {
  codeSent: "Hemos enviado un código por SMS al {phone}.",
  codeUnconfirmed:
    "No hemos podido confirmar el envío del SMS. Si has recibido un código, introdúcelo; si no, solicita uno nuevo.",
  retypeCode: "Vuelve a introducir el código: no se guarda cuando la aplicación está cerrada.",
  attemptsSpent: "Era el último intento para este código. Solicita un código nuevo.",
  requestRefused: "No se ha podido procesar la solicitud. Vuelve a intentarlo.",
  resendFailed: "No se ha podido enviar un código nuevo. El código que ya recibiste sigue siendo válido.",
  resendOffline:
    "No tienes conexión, así que no se ha enviado ningún código nuevo. El código que ya recibiste sigue siendo válido.",
  resendUnconfirmed:
    "No hemos podido confirmar el envío de un código nuevo. Introduce el último código que hayas recibido.",
  resendAvailable: "Ya puedes solicitar un código nuevo.",
  expiresInOneMinute: "El código caduca en 1 minuto.",
  expiresIn30Seconds: "El código caduca en 30 segundos.",
};

/** The notices per locale, kept as data beside the error messages. */
export const notices = { en, fr, de, it, es } satisfies Record<string, Record<NoticeKey, string>>;

/** The notice `key` in `locale` (`"fr"`, `"fr-CA"`…); English when the language has none. */
export const noticeFor = (key: NoticeKey, locale: string | undefined, phone: string | null): string => {
  const language = (locale ?? "en").toLowerCase().split(/[-_]/)[0] ?? "en";
  const table: Record<NoticeKey, string> = Object.hasOwn(notices, language)
    ? notices[language as keyof typeof notices]
    : notices.en;
  return phone === null ? table[key] : table[key].replace("{phone}", phone);
};
