/** The demo's own words, in the five languages of the error messages. */

export const languages = ["en", "fr", "de", "it", "es"] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (value: string | null): value is Language =>
  value !== null && (languages as readonly string[]).includes(value);

export interface UiStrings {
  readonly languageName: string;
  readonly languageLabel: string;
  readonly appTitle: string;
  readonly idleTitle: string;
  readonly idleBody: string;
  readonly start: string;
  readonly progress: {
    readonly initializing: string;
    readonly checkingDevice: string;
    readonly checkingTrustedPhone: string;
    readonly requestingCode: string;
    readonly synchronizing: string;
  };
  /** The headings of the same steps while they wait for the network or for "Try again": nothing is under way. */
  readonly progressOnHold: UiStrings["progress"];
  readonly pleaseWait: string;
  readonly codeTitle: string;
  readonly newCodeTitle: string;
  readonly codeLabel: string;
  readonly codeHint: string;
  readonly confirm: string;
  readonly checking: string;
  readonly attemptsLeft: (n: number) => string;
  readonly expiresIn: (time: string) => string;
  readonly resend: string;
  readonly resendIn: (seconds: number) => string;
  readonly sendsLeft: (n: number) => string;
  readonly retry: string;
  readonly retryIn: (seconds: number) => string;
  readonly waitingForNetwork: string;
  readonly cancel: string;
  readonly startOver: string;
  readonly handoffTitle: string;
  readonly handoffNewPin: string;
  readonly handoffExistingPin: string;
  readonly nextCall: string;
  readonly alreadyActivatedTitle: string;
  readonly alreadyActivatedBody: string;
  readonly accountBlockedTitle: string;
  readonly accountBlockedBody: string;
  readonly trustedPhoneRequiredTitle: string;
  readonly trustedPhoneRequiredBody: string;
  readonly failedTitle: string;
  readonly failedBody: string;
  readonly cancelledTitle: string;
  readonly cancelledBody: string;
  readonly phoneTitle: string;
  readonly phoneEmpty: string;
  readonly sms: (code: string) => string;
  readonly offline: string;
}

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

export const ui: Record<Language, UiStrings> = {
  en: {
    languageName: "English",
    languageLabel: "Language",
    appTitle: "Your app",
    idleTitle: "Secure this device",
    idleBody:
      "To use your vehicle's remote services on this phone, confirm it is you with a code we send by SMS to your trusted phone number.",
    start: "Start",
    progress: {
      initializing: "Getting ready…",
      checkingDevice: "Checking this device…",
      checkingTrustedPhone: "Looking up your trusted phone number…",
      requestingCode: "Sending you a code by SMS…",
      synchronizing: "Finishing the set-up…",
    },
    progressOnHold: {
      initializing: "Start-up on hold",
      checkingDevice: "Device check on hold",
      checkingTrustedPhone: "Phone number lookup on hold",
      requestingCode: "Code request on hold",
      synchronizing: "Set-up on hold",
    },
    pleaseWait: "Please wait.",
    codeTitle: "Enter the code",
    newCodeTitle: "Ask for a new code",
    codeLabel: "SMS code",
    codeHint: "Digits only, as in the SMS.",
    confirm: "Confirm",
    checking: "Checking the code…",
    attemptsLeft: (n) => `${n} ${plural(n, "attempt", "attempts")} left`,
    expiresIn: (time) => `The code expires in ${time}.`,
    resend: "Send a new code",
    resendIn: (s) => `Send a new code in ${s} s`,
    sendsLeft: (n) => `${n} new ${plural(n, "code", "codes")} available`,
    retry: "Try again",
    retryIn: (s) => `Try again in ${s} s`,
    waitingForNetwork: "We will carry on automatically as soon as the network is back.",
    cancel: "Cancel",
    startOver: "Start over",
    handoffTitle: "Phone number confirmed",
    handoffNewPin: "Next: choose a PIN for this device.",
    handoffExistingPin: "Next: enter the PIN you already use with your account.",
    nextCall: "What the app calls next",
    alreadyActivatedTitle: "This device is already activated",
    alreadyActivatedBody:
      "Strong authentication is already set up on this phone. There is nothing more to do.",
    accountBlockedTitle: "Your account is blocked",
    accountBlockedBody: "Remove all the devices enrolled on your account, then enroll this one again.",
    trustedPhoneRequiredTitle: "A trusted phone number is needed",
    trustedPhoneRequiredBody:
      "Your account has no trusted phone number. Add one, then enroll this device with it.",
    failedTitle: "Enrollment failed",
    failedBody: "This device could not be enrolled.",
    cancelledTitle: "Enrollment cancelled",
    cancelledBody: "Nothing was changed on this device.",
    phoneTitle: "Simulated phone",
    phoneEmpty: "No messages yet.",
    sms: (code) =>
      `Your verification code is ${code}. It is valid for 5 minutes. Never share it with anyone.`,
    offline: "Offline",
  },
  fr: {
    languageName: "Français",
    languageLabel: "Langue",
    appTitle: "Votre application",
    idleTitle: "Sécurisez cet appareil",
    idleBody:
      "Pour utiliser les services connectés de votre véhicule sur ce téléphone, confirmez votre identité avec un code envoyé par SMS à votre numéro de confiance.",
    start: "Commencer",
    progress: {
      initializing: "Préparation…",
      checkingDevice: "Vérification de cet appareil…",
      checkingTrustedPhone: "Recherche de votre numéro de confiance…",
      requestingCode: "Envoi d'un code par SMS…",
      synchronizing: "Finalisation de la configuration…",
    },
    progressOnHold: {
      initializing: "Démarrage en attente",
      checkingDevice: "Vérification de l'appareil en attente",
      checkingTrustedPhone: "Recherche du numéro en attente",
      requestingCode: "Demande de code en attente",
      synchronizing: "Finalisation en attente",
    },
    pleaseWait: "Veuillez patienter.",
    codeTitle: "Saisissez le code",
    newCodeTitle: "Demandez un nouveau code",
    codeLabel: "Code reçu par SMS",
    codeHint: "Uniquement des chiffres, comme dans le SMS.",
    confirm: "Valider",
    checking: "Vérification du code…",
    attemptsLeft: (n) => `${n} ${plural(n, "essai restant", "essais restants")}`,
    expiresIn: (time) => `Le code expire dans ${time}.`,
    resend: "Recevoir un nouveau code",
    resendIn: (s) => `Nouveau code dans ${s} s`,
    sendsLeft: (n) => `${n} ${plural(n, "nouveau code disponible", "nouveaux codes disponibles")}`,
    retry: "Réessayer",
    retryIn: (s) => `Réessayer dans ${s} s`,
    waitingForNetwork: "Nous reprendrons automatiquement dès le retour du réseau.",
    cancel: "Annuler",
    startOver: "Recommencer",
    handoffTitle: "Numéro de téléphone confirmé",
    handoffNewPin: "Étape suivante : choisissez un code PIN pour cet appareil.",
    handoffExistingPin: "Étape suivante : saisissez le code PIN que vous utilisez déjà avec votre compte.",
    nextCall: "Ce que l'application appelle ensuite",
    alreadyActivatedTitle: "Cet appareil est déjà activé",
    alreadyActivatedBody:
      "L'authentification forte est déjà configurée sur ce téléphone. Il n'y a rien d'autre à faire.",
    accountBlockedTitle: "Votre compte est bloqué",
    accountBlockedBody:
      "Supprimez tous les appareils enregistrés sur votre compte, puis enregistrez de nouveau celui-ci.",
    trustedPhoneRequiredTitle: "Un numéro de téléphone de confiance est nécessaire",
    trustedPhoneRequiredBody:
      "Votre compte n'a pas de numéro de confiance. Ajoutez-en un, puis enregistrez cet appareil avec ce numéro.",
    failedTitle: "L'enregistrement a échoué",
    failedBody: "Cet appareil n'a pas pu être enregistré.",
    cancelledTitle: "Enregistrement annulé",
    cancelledBody: "Rien n'a été modifié sur cet appareil.",
    phoneTitle: "Téléphone simulé",
    phoneEmpty: "Aucun message pour l'instant.",
    sms: (code) =>
      `Votre code de vérification est ${code}. Il est valable 5 minutes. Ne le communiquez à personne.`,
    offline: "Hors ligne",
  },
  de: {
    languageName: "Deutsch",
    languageLabel: "Sprache",
    appTitle: "Ihre App",
    idleTitle: "Dieses Gerät absichern",
    idleBody:
      "Um die Online-Dienste Ihres Fahrzeugs auf diesem Telefon zu nutzen, bestätigen Sie Ihre Identität mit einem Code, den wir per SMS an Ihre vertrauenswürdige Telefonnummer senden.",
    start: "Los geht's",
    progress: {
      initializing: "Wird vorbereitet…",
      checkingDevice: "Dieses Gerät wird geprüft…",
      checkingTrustedPhone: "Ihre vertrauenswürdige Telefonnummer wird gesucht…",
      requestingCode: "Ein Code wird per SMS gesendet…",
      synchronizing: "Die Einrichtung wird abgeschlossen…",
    },
    progressOnHold: {
      initializing: "Start angehalten",
      checkingDevice: "Geräteprüfung angehalten",
      checkingTrustedPhone: "Suche der Telefonnummer angehalten",
      requestingCode: "Code-Anforderung angehalten",
      synchronizing: "Einrichtung angehalten",
    },
    pleaseWait: "Bitte warten.",
    codeTitle: "Code eingeben",
    newCodeTitle: "Fordern Sie einen neuen Code an",
    codeLabel: "SMS-Code",
    codeHint: "Nur Ziffern, wie in der SMS.",
    confirm: "Bestätigen",
    checking: "Der Code wird geprüft…",
    attemptsLeft: (n) => `Noch ${n} ${plural(n, "Versuch", "Versuche")}`,
    expiresIn: (time) => `Der Code läuft in ${time} ab.`,
    resend: "Neuen Code senden",
    resendIn: (s) => `Neuer Code in ${s} s`,
    sendsLeft: (n) => `Noch ${n} ${plural(n, "neuer Code", "neue Codes")} möglich`,
    retry: "Erneut versuchen",
    retryIn: (s) => `Erneut versuchen in ${s} s`,
    waitingForNetwork: "Es geht automatisch weiter, sobald das Netz wieder da ist.",
    cancel: "Abbrechen",
    startOver: "Neu beginnen",
    handoffTitle: "Telefonnummer bestätigt",
    handoffNewPin: "Als Nächstes: Wählen Sie eine PIN für dieses Gerät.",
    handoffExistingPin: "Als Nächstes: Geben Sie die PIN ein, die Sie für Ihr Konto bereits verwenden.",
    nextCall: "Was die App als Nächstes aufruft",
    alreadyActivatedTitle: "Dieses Gerät ist bereits aktiviert",
    alreadyActivatedBody:
      "Die starke Authentifizierung ist auf diesem Telefon bereits eingerichtet. Es ist nichts weiter zu tun.",
    accountBlockedTitle: "Ihr Konto ist gesperrt",
    accountBlockedBody:
      "Entfernen Sie alle für Ihr Konto registrierten Geräte und registrieren Sie dieses dann erneut.",
    trustedPhoneRequiredTitle: "Eine vertrauenswürdige Telefonnummer ist erforderlich",
    trustedPhoneRequiredBody:
      "Ihr Konto hat keine vertrauenswürdige Telefonnummer. Fügen Sie eine hinzu und registrieren Sie dieses Gerät damit.",
    failedTitle: "Registrierung fehlgeschlagen",
    failedBody: "Dieses Gerät konnte nicht registriert werden.",
    cancelledTitle: "Registrierung abgebrochen",
    cancelledBody: "An diesem Gerät wurde nichts geändert.",
    phoneTitle: "Simuliertes Telefon",
    phoneEmpty: "Noch keine Nachrichten.",
    sms: (code) =>
      `Ihr Bestätigungscode lautet ${code}. Er ist 5 Minuten gültig. Geben Sie ihn niemals weiter.`,
    offline: "Offline",
  },
  it: {
    languageName: "Italiano",
    languageLabel: "Lingua",
    appTitle: "La tua app",
    idleTitle: "Proteggi questo dispositivo",
    idleBody:
      "Per usare i servizi connessi del tuo veicolo su questo telefono, conferma la tua identità con un codice che inviamo via SMS al tuo numero attendibile.",
    start: "Inizia",
    progress: {
      initializing: "Preparazione in corso…",
      checkingDevice: "Verifica del dispositivo…",
      checkingTrustedPhone: "Ricerca del tuo numero attendibile…",
      requestingCode: "Invio di un codice via SMS…",
      synchronizing: "Completamento della configurazione…",
    },
    progressOnHold: {
      initializing: "Avvio in sospeso",
      checkingDevice: "Verifica del dispositivo in sospeso",
      checkingTrustedPhone: "Ricerca del numero in sospeso",
      requestingCode: "Richiesta del codice in sospeso",
      synchronizing: "Configurazione in sospeso",
    },
    pleaseWait: "Attendi.",
    codeTitle: "Inserisci il codice",
    newCodeTitle: "Richiedi un nuovo codice",
    codeLabel: "Codice SMS",
    codeHint: "Solo cifre, come nell'SMS.",
    confirm: "Conferma",
    checking: "Verifica del codice…",
    attemptsLeft: (n) => `${plural(n, "Resta", "Restano")} ${n} ${plural(n, "tentativo", "tentativi")}`,
    expiresIn: (time) => `Il codice scade tra ${time}.`,
    resend: "Invia un nuovo codice",
    resendIn: (s) => `Nuovo codice tra ${s} s`,
    sendsLeft: (n) => `${n} ${plural(n, "nuovo codice disponibile", "nuovi codici disponibili")}`,
    retry: "Riprova",
    retryIn: (s) => `Riprova tra ${s} s`,
    waitingForNetwork: "Riprenderemo da soli appena la rete tornerà disponibile.",
    cancel: "Annulla",
    startOver: "Ricomincia",
    handoffTitle: "Numero di telefono confermato",
    handoffNewPin: "Prossimo passo: scegli un PIN per questo dispositivo.",
    handoffExistingPin: "Prossimo passo: inserisci il PIN che usi già con il tuo account.",
    nextCall: "Cosa chiama poi l'app",
    alreadyActivatedTitle: "Questo dispositivo è già attivato",
    alreadyActivatedBody:
      "L'autenticazione forte è già configurata su questo telefono. Non c'è altro da fare.",
    accountBlockedTitle: "Il tuo account è bloccato",
    accountBlockedBody:
      "Rimuovi tutti i dispositivi registrati sul tuo account, poi registra di nuovo questo.",
    trustedPhoneRequiredTitle: "Serve un numero di telefono attendibile",
    trustedPhoneRequiredBody:
      "Il tuo account non ha un numero attendibile. Aggiungine uno, poi registra questo dispositivo con quel numero.",
    failedTitle: "Registrazione non riuscita",
    failedBody: "Non è stato possibile registrare questo dispositivo.",
    cancelledTitle: "Registrazione annullata",
    cancelledBody: "Su questo dispositivo non è stato modificato nulla.",
    phoneTitle: "Telefono simulato",
    phoneEmpty: "Ancora nessun messaggio.",
    sms: (code) =>
      `Il tuo codice di verifica è ${code}. È valido per 5 minuti. Non condividerlo con nessuno.`,
    offline: "Offline",
  },
  es: {
    languageName: "Español",
    languageLabel: "Idioma",
    appTitle: "Tu aplicación",
    idleTitle: "Protege este dispositivo",
    idleBody:
      "Para usar los servicios conectados de tu vehículo en este teléfono, confirma tu identidad con un código que enviamos por SMS a tu número de confianza.",
    start: "Empezar",
    progress: {
      initializing: "Preparando…",
      checkingDevice: "Comprobando este dispositivo…",
      checkingTrustedPhone: "Buscando tu número de confianza…",
      requestingCode: "Enviándote un código por SMS…",
      synchronizing: "Terminando la configuración…",
    },
    progressOnHold: {
      initializing: "Inicio en espera",
      checkingDevice: "Comprobación del dispositivo en espera",
      checkingTrustedPhone: "Búsqueda del número en espera",
      requestingCode: "Solicitud del código en espera",
      synchronizing: "Configuración en espera",
    },
    pleaseWait: "Espera un momento.",
    codeTitle: "Introduce el código",
    newCodeTitle: "Solicita un código nuevo",
    codeLabel: "Código SMS",
    codeHint: "Solo cifras, como en el SMS.",
    confirm: "Confirmar",
    checking: "Comprobando el código…",
    attemptsLeft: (n) => `${plural(n, "Queda", "Quedan")} ${n} ${plural(n, "intento", "intentos")}`,
    expiresIn: (time) => `El código caduca en ${time}.`,
    resend: "Enviar un código nuevo",
    resendIn: (s) => `Código nuevo en ${s} s`,
    sendsLeft: (n) => `${n} ${plural(n, "código nuevo disponible", "códigos nuevos disponibles")}`,
    retry: "Reintentar",
    retryIn: (s) => `Reintentar en ${s} s`,
    waitingForNetwork: "Continuaremos automáticamente en cuanto vuelva la conexión.",
    cancel: "Cancelar",
    startOver: "Volver a empezar",
    handoffTitle: "Número de teléfono confirmado",
    handoffNewPin: "Siguiente paso: elige un PIN para este dispositivo.",
    handoffExistingPin: "Siguiente paso: introduce el PIN que ya usas con tu cuenta.",
    nextCall: "Lo que la aplicación llama a continuación",
    alreadyActivatedTitle: "Este dispositivo ya está activado",
    alreadyActivatedBody:
      "La autenticación reforzada ya está configurada en este teléfono. No hay nada más que hacer.",
    accountBlockedTitle: "Tu cuenta está bloqueada",
    accountBlockedBody: "Elimina todos los dispositivos registrados en tu cuenta y vuelve a registrar este.",
    trustedPhoneRequiredTitle: "Se necesita un número de teléfono de confianza",
    trustedPhoneRequiredBody:
      "Tu cuenta no tiene un número de confianza. Añade uno y registra este dispositivo con él.",
    failedTitle: "No se ha podido completar el registro",
    failedBody: "Este dispositivo no se ha podido registrar.",
    cancelledTitle: "Registro cancelado",
    cancelledBody: "No se ha modificado nada en este dispositivo.",
    phoneTitle: "Teléfono simulado",
    phoneEmpty: "Todavía no hay mensajes.",
    sms: (code) =>
      `Tu código de verificación es ${code}. Es válido durante 5 minutos. No lo compartas con nadie.`,
    offline: "Sin conexión",
  },
};
