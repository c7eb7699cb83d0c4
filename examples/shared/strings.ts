/**
 * Every string the vanilla, Vue, Svelte and React Native examples show, in the five languages. The error
 * messages themselves come localized from the view model (`view.error.message`).
 */
export const languages = ["en", "fr", "de", "it", "es"] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (value: string | null): value is Language =>
  value !== null && (languages as readonly string[]).includes(value);

export interface Strings {
  readonly languageName: string;
  readonly languageLabel: string;
  readonly appTitle: string;
  readonly titles: Readonly<Record<string, string>>;
  readonly pleaseWait: string;
  /** The title of a step waiting for the network or for "Try again": nothing is under way. */
  readonly onHold: string;
  readonly start: string;
  readonly codeLabel: string;
  readonly codeHint: string;
  readonly confirm: string;
  readonly resend: string;
  readonly resendIn: (seconds: number) => string;
  readonly retry: string;
  readonly cancel: string;
  readonly attemptsLeft: (count: number) => string;
  readonly codeExpiresIn: (seconds: number) => string;
  readonly offline: string;
  readonly next: Readonly<Record<"newPin" | "existingPin" | "remove" | "addPhone", string>>;
  readonly phoneTitle: string;
  readonly sms: (code: string) => string;
}

export const strings: Record<Language, Strings> = {
  en: {
    languageName: "English",
    languageLabel: "Language",
    appTitle: "Secure this device",
    titles: {
      idle: "Secure this device",
      awaitingCode: "Enter the code",
      validatingCode: "Checking the code…",
      handoff: "Phone number confirmed",
      alreadyActivated: "This device is already activated",
      accountBlocked: "Your account is blocked",
      trustedPhoneRequired: "A trusted phone number is needed",
      failed: "Enrollment failed",
      cancelled: "Enrollment cancelled",
    },
    pleaseWait: "Please wait…",
    onHold: "On hold",
    start: "Start",
    codeLabel: "SMS code",
    codeHint: "The code has 4 to 10 digits.",
    confirm: "Confirm",
    resend: "Send a new code",
    resendIn: (s) => `Send a new code in ${s} s`,
    retry: "Try again",
    cancel: "Cancel",
    attemptsLeft: (n) => (n === 1 ? "1 attempt left" : `${n} attempts left`),
    codeExpiresIn: (s) => `The code expires in ${s} s`,
    offline: "Offline",
    next: {
      newPin: "Next: choose a PIN for this device.",
      existingPin: "Next: enter your existing PIN.",
      remove: "Next: remove all enrolled devices, then enroll again.",
      addPhone: "Next: add a trusted phone number.",
    },
    phoneTitle: "Simulated phone",
    sms: (code) => `Your verification code is ${code}.`,
  },
  fr: {
    languageName: "Français",
    languageLabel: "Langue",
    appTitle: "Sécurisez cet appareil",
    titles: {
      idle: "Sécurisez cet appareil",
      awaitingCode: "Saisissez le code",
      validatingCode: "Vérification du code…",
      handoff: "Numéro de téléphone confirmé",
      alreadyActivated: "Cet appareil est déjà activé",
      accountBlocked: "Votre compte est bloqué",
      trustedPhoneRequired: "Un numéro de téléphone de confiance est nécessaire",
      failed: "L’enrôlement a échoué",
      cancelled: "Enrôlement annulé",
    },
    pleaseWait: "Veuillez patienter…",
    onHold: "En attente",
    start: "Commencer",
    codeLabel: "Code reçu par SMS",
    codeHint: "Le code compte de 4 à 10 chiffres.",
    confirm: "Valider",
    resend: "Envoyer un nouveau code",
    resendIn: (s) => `Nouveau code dans ${s} s`,
    retry: "Réessayer",
    cancel: "Annuler",
    attemptsLeft: (n) => (n <= 1 ? `${n} essai restant` : `${n} essais restants`),
    codeExpiresIn: (s) => `Le code expire dans ${s} s`,
    offline: "Hors ligne",
    next: {
      newPin: "Étape suivante : choisissez un code PIN pour cet appareil.",
      existingPin: "Étape suivante : saisissez votre code PIN actuel.",
      remove: "Étape suivante : retirez tous les appareils enrôlés, puis enrôlez celui-ci à nouveau.",
      addPhone: "Étape suivante : ajoutez un numéro de téléphone de confiance.",
    },
    phoneTitle: "Téléphone simulé",
    sms: (code) => `Votre code de vérification est ${code}.`,
  },
  de: {
    languageName: "Deutsch",
    languageLabel: "Sprache",
    appTitle: "Dieses Gerät absichern",
    titles: {
      idle: "Dieses Gerät absichern",
      awaitingCode: "Code eingeben",
      validatingCode: "Code wird geprüft…",
      handoff: "Telefonnummer bestätigt",
      alreadyActivated: "Dieses Gerät ist bereits aktiviert",
      accountBlocked: "Ihr Konto ist gesperrt",
      trustedPhoneRequired: "Eine vertrauenswürdige Telefonnummer wird benötigt",
      failed: "Registrierung fehlgeschlagen",
      cancelled: "Registrierung abgebrochen",
    },
    pleaseWait: "Bitte warten…",
    onHold: "Angehalten",
    start: "Starten",
    codeLabel: "SMS-Code",
    codeHint: "Der Code hat 4 bis 10 Ziffern.",
    confirm: "Bestätigen",
    resend: "Neuen Code senden",
    resendIn: (s) => `Neuer Code in ${s} s`,
    retry: "Erneut versuchen",
    cancel: "Abbrechen",
    attemptsLeft: (n) => (n === 1 ? "Noch 1 Versuch" : `Noch ${n} Versuche`),
    codeExpiresIn: (s) => `Der Code läuft in ${s} s ab`,
    offline: "Offline",
    next: {
      newPin: "Nächster Schritt: Wählen Sie eine PIN für dieses Gerät.",
      existingPin: "Nächster Schritt: Geben Sie Ihre bisherige PIN ein.",
      remove: "Nächster Schritt: Entfernen Sie alle registrierten Geräte und registrieren Sie dieses erneut.",
      addPhone: "Nächster Schritt: Fügen Sie eine vertrauenswürdige Telefonnummer hinzu.",
    },
    phoneTitle: "Simuliertes Telefon",
    sms: (code) => `Ihr Bestätigungscode lautet ${code}.`,
  },
  it: {
    languageName: "Italiano",
    languageLabel: "Lingua",
    appTitle: "Proteggi questo dispositivo",
    titles: {
      idle: "Proteggi questo dispositivo",
      awaitingCode: "Inserisci il codice",
      validatingCode: "Verifica del codice…",
      handoff: "Numero di telefono confermato",
      alreadyActivated: "Questo dispositivo è già attivato",
      accountBlocked: "Il tuo account è bloccato",
      trustedPhoneRequired: "Serve un numero di telefono attendibile",
      failed: "Registrazione non riuscita",
      cancelled: "Registrazione annullata",
    },
    pleaseWait: "Attendere…",
    onHold: "In sospeso",
    start: "Inizia",
    codeLabel: "Codice SMS",
    codeHint: "Il codice ha da 4 a 10 cifre.",
    confirm: "Conferma",
    resend: "Invia un nuovo codice",
    resendIn: (s) => `Nuovo codice tra ${s} s`,
    retry: "Riprova",
    cancel: "Annulla",
    attemptsLeft: (n) => (n === 1 ? "1 tentativo rimasto" : `${n} tentativi rimasti`),
    codeExpiresIn: (s) => `Il codice scade tra ${s} s`,
    offline: "Offline",
    next: {
      newPin: "Passo successivo: scegli un PIN per questo dispositivo.",
      existingPin: "Passo successivo: inserisci il tuo PIN attuale.",
      remove: "Passo successivo: rimuovi tutti i dispositivi registrati, poi registra di nuovo questo.",
      addPhone: "Passo successivo: aggiungi un numero di telefono attendibile.",
    },
    phoneTitle: "Telefono simulato",
    sms: (code) => `Il tuo codice di verifica è ${code}.`,
  },
  es: {
    languageName: "Español",
    languageLabel: "Idioma",
    appTitle: "Protege este dispositivo",
    titles: {
      idle: "Protege este dispositivo",
      awaitingCode: "Introduce el código",
      validatingCode: "Comprobando el código…",
      handoff: "Número de teléfono confirmado",
      alreadyActivated: "Este dispositivo ya está activado",
      accountBlocked: "Tu cuenta está bloqueada",
      trustedPhoneRequired: "Se necesita un número de teléfono de confianza",
      failed: "El registro ha fallado",
      cancelled: "Registro cancelado",
    },
    pleaseWait: "Espera, por favor…",
    onHold: "En espera",
    start: "Empezar",
    codeLabel: "Código SMS",
    codeHint: "El código tiene de 4 a 10 cifras.",
    confirm: "Confirmar",
    resend: "Enviar un código nuevo",
    resendIn: (s) => `Código nuevo en ${s} s`,
    retry: "Reintentar",
    cancel: "Cancelar",
    attemptsLeft: (n) => (n === 1 ? "Queda 1 intento" : `Quedan ${n} intentos`),
    codeExpiresIn: (s) => `El código caduca en ${s} s`,
    offline: "Sin conexión",
    next: {
      newPin: "Siguiente paso: elige un PIN para este dispositivo.",
      existingPin: "Siguiente paso: introduce tu PIN actual.",
      remove: "Siguiente paso: elimina todos los dispositivos registrados y vuelve a registrar este.",
      addPhone: "Siguiente paso: añade un número de teléfono de confianza.",
    },
    phoneTitle: "Teléfono simulado",
    sms: (code) => `Tu código de verificación es ${code}.`,
  },
};

/**
 * The title of a step. A step that only calls the backend has none: "Please wait…" while the call runs,
 * "On hold" while it waits for the network or for "Try again".
 */
export const titleOf = (
  t: Strings,
  view: { readonly step: string; readonly phase: string | null },
): string => {
  const onHold = view.phase === "stalled" || view.phase === "offline";
  return t.titles[view.step] ?? (onHold ? t.onHold : t.pleaseWait);
};
