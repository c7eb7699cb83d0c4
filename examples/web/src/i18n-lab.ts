import type { Scenario } from "./backend";
import type { Language } from "./i18n";

/**
 * The words of the demo's lab panels (the simulator controls, the statechart, the page's layout and its
 * "about" section), in the five languages of the screens. Operation names, state names, event names and
 * the SDK's error labels are identifiers and stay as they are.
 */
/** The URL parameters the demo reads (`main.tsx`). */
export type UrlParameter = "backend" | "lang" | "scenario" | "cooldown" | "timeout" | "lifetime" | "autofill";

export interface LabStrings {
  readonly sectionsLabel: string;
  readonly tabs: {
    readonly flow: string;
    readonly statechart: string;
    readonly controls: string;
    readonly about: string;
  };
  readonly aboutTitle: string;
  readonly aboutIntro: string;
  readonly paramsCaption: string;
  readonly paramsHeader: {
    readonly name: string;
    readonly values: string;
    readonly fallback: string;
    readonly effect: string;
  };
  readonly params: Record<UrlParameter, { readonly fallback: string; readonly effect: string }>;
  readonly paramsExample: string;
  readonly pinBlockedTitle: string;
  readonly pinBlockedBody: string;
  readonly statechartTitle: string;
  readonly currentState: string;
  readonly layingOut: string;
  readonly layoutFailed: (message: string) => string;
  readonly diagramLabel: string;
  readonly drawnBy: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fitWidth: string;
  readonly actualSize: string;
  readonly follow: string;
  readonly lastTransition: string;
  readonly noTransition: string;
  readonly acceptedHeading: string;
  readonly lastEventsHeading: string;
  readonly noEvents: string;
  readonly accepted: string;
  readonly ignored: string;
  readonly anyState: string;
  readonly legend: {
    readonly current: string;
    readonly taken: string;
    readonly final: string;
    readonly initial: string;
  };
  readonly controlsTitle: string;
  readonly backend: string;
  readonly backendHttp: string;
  readonly backendEmbedded: string;
  /** After a reload on the simulator in the page, which kept nothing: the flow starts over. */
  readonly reloadStartedOver: string;
  readonly requestTimeout: (seconds: number) => string;
  readonly failLegend: string;
  readonly operation: string;
  readonly errorCode: string;
  readonly times: string;
  readonly failNext: (operation: string, times: number) => string;
  readonly decidedBy: {
    readonly server: string;
    readonly simulator: string;
    readonly token: string;
    readonly page: string;
  };
  /** What a code does on this backend, where it says more than who decides it. */
  readonly explain2202: { readonly page: string; readonly simulator: string };
  readonly explain2201: { readonly server: (seconds: number) => string; readonly simulator: string };
  readonly explain2316: string;
  /** Who decided a fault, in the list of faults. */
  readonly deciders: {
    readonly server: string;
    readonly simulator: string;
    readonly token: string;
    readonly page: string;
  };
  readonly faultsHeading: string;
  readonly noFaults: string;
  readonly armed: string;
  readonly fired: string;
  readonly firedOn: (call: string, time: string) => string;
  readonly callNumber: (n: number) => string;
  readonly requestNumber: (n: number) => string;
  readonly recovered2316: string;
  readonly stalled2316: string;
  readonly networkLegend: string;
  readonly offline: string;
  readonly latency: string;
  readonly noLatency: string;
  readonly latencyPastTimeout: (seconds: number, timeout: number) => string;
  readonly accountLegend: string;
  readonly startOverWith: string;
  readonly scenarios: Record<Scenario, string>;
}

export const lab: Record<Language, LabStrings> = {
  en: {
    sectionsLabel: "Sections of the demo",
    tabs: { flow: "App", statechart: "Statechart", controls: "Controls", about: "About" },
    aboutTitle: "About this demo",
    aboutIntro:
      "The enrollment engine runs in this page: the app's screens render its view model, the simulated phone shows the SMS the simulated backend sent, the statechart is the machine itself, and the controls make the backend fail on purpose. Each run starts on a fresh simulated account.",
    paramsCaption: "URL parameters",
    paramsHeader: { name: "Parameter", values: "Values", fallback: "Without it", effect: "What it does" },
    params: {
      backend: {
        fallback:
          "http when the page is served by npm start (the reference server answers /healthz), else embedded",
        effect:
          "http: the reference server is the backend, over HTTP, and a reload goes on where the flow was; embedded: the simulator runs in the page, with no server, and a reload starts over.",
      },
      lang: {
        fallback: "en",
        effect: "The language of the page and of the error messages; the language switch changes it too.",
      },
      scenario: {
        fallback: "newDevice",
        effect: 'The simulated account the first run starts on; "Start over with" picks another.',
      },
      cooldown: {
        fallback: "30 s (the engine's default)",
        effect: "The wait before a new code can be sent.",
      },
      timeout: {
        fallback: "10 s in this demo (the engine's default is 30 s)",
        effect:
          "The request timeout: past it a call fails with 2201. ?timeout=2 makes an armed 2201 quick to see.",
      },
      lifetime: {
        fallback: "5 min (the engine's default)",
        effect: "How long an SMS code is valid, in the app's countdown and in the simulated backend.",
      },
      autofill: {
        fallback: "on",
        effect:
          "The browser offers the SMS code it receives (WebOTP, where the browser has it); off: the code is typed by hand.",
      },
    },
    paramsExample: "For example:",
    pinBlockedTitle: "Your PIN is blocked",
    pinBlockedBody:
      "Too many wrong PINs: remove all the devices enrolled on your account, then enroll this one again with a new PIN.",
    statechartTitle: "Live statechart",
    currentState: "Current state:",
    layingOut: "Laying out the statechart…",
    layoutFailed: (m) => `The statechart could not be laid out: ${m}`,
    diagramLabel: "The statechart, drawn",
    drawnBy: "Drawn from enrollmentMachine itself, laid out by ELK (elkjs). Drag or scroll to move around.",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    fitWidth: "Fit",
    actualSize: "100 %",
    follow: "Follow the current state",
    lastTransition: "Last transition:",
    noTransition: "none yet",
    acceptedHeading: "Events accepted now",
    lastEventsHeading: "Last events",
    noEvents: "none yet",
    accepted: " (accepted)",
    ignored: " (ignored)",
    anyState: "any state",
    legend: {
      current: "current state",
      taken: "last transition",
      final: "final state",
      initial: "initial state",
    },
    controlsTitle: "Simulator controls",
    backend: "Backend:",
    backendHttp: "reference server over HTTP",
    backendEmbedded: "embedded simulator (in the page)",
    reloadStartedOver:
      "The page was reloaded: the simulator in this page kept no SMS code, so the enrollment starts over. Served by the reference server (?backend=http), it goes on where it was.",
    requestTimeout: (s) => `Request timeout: ${s} s`,
    failLegend: "Fail the next calls",
    operation: "Operation",
    errorCode: "Error code",
    times: "How many calls",
    failNext: (op, n) => (n === 1 ? `Fail next ${op}` : `Fail the next ${n} ${op}`),
    decidedBy: {
      server: "Decided by the reference server.",
      simulator: "Decided by the simulator in this page.",
      token:
        "Decided by the device's inWebo token (simulated in this page), once the backend accepted the code.",
      page: "Decided in this page, by its network.",
    },
    explain2202: {
      page: "The request fails before it is sent, as with no connection: it never leaves the page. The flow waits to be online again, or for Try again.",
      simulator:
        "The simulator answers as if there were no connection: the flow waits to be online again, or for Try again.",
    },
    explain2201: {
      server: (s) =>
        `The server holds the answer back: the call fails when the request timeout (${s} s) runs out.`,
      simulator: "The simulator answers at once, as a call that timed out.",
    },
    explain2316:
      "The code is accepted, then the token's post-synchronisation fails: the flow synchronises again by itself and reaches the handoff. Arm it for 2 calls to see the flow stop and offer Try again.",
    deciders: {
      server: "reference server",
      simulator: "simulator",
      token: "inWebo token",
      page: "this page",
    },
    faultsHeading: "Armed and fired",
    noFaults: "No fault armed in this run.",
    armed: "armed",
    fired: "fired",
    firedOn: (call, time) => `on ${call} at ${time}`,
    callNumber: (n) => `call ${n}`,
    requestNumber: (n) => `request ${n}, never sent`,
    recovered2316:
      "The code was accepted; only the token's post-synchronisation failed. The flow retried it by itself (synchronizing) without a new code.",
    stalled2316:
      "The retried post-synchronisation failed too: the flow waits for Try again (synchronizing.stalled).",
    networkLegend: "Network",
    offline: "Offline",
    latency: "Latency",
    noLatency: "none",
    latencyPastTimeout: (s, t) => `${s} s (past the ${t} s timeout: 2201)`,
    accountLegend: "Account",
    startOverWith: "Start over with",
    scenarios: {
      newDevice: "New device, enrolls with a new PIN",
      alreadyEnrolled: "Account already enrolled (existing PIN)",
      deviceActivated: "Device already activated",
      accountBlocked: "Account blocked",
      pinBlocked: "PIN blocked",
      noTrustedPhone: "No trusted phone number",
      tokenNotConfigured: "inWebo token not configured",
    },
  },
  fr: {
    sectionsLabel: "Sections de la démo",
    tabs: { flow: "Appli", statechart: "Diagramme", controls: "Commandes", about: "À propos" },
    aboutTitle: "À propos de cette démo",
    aboutIntro:
      "Le moteur d'enregistrement tourne dans cette page : les écrans de l'application affichent son modèle de vue, le téléphone simulé montre les SMS envoyés par le backend simulé, le diagramme est la machine elle-même, et les commandes font échouer le backend exprès. Chaque parcours commence sur un compte simulé neuf.",
    paramsCaption: "Paramètres d'URL",
    paramsHeader: { name: "Paramètre", values: "Valeurs", fallback: "Sans lui", effect: "Ce qu'il fait" },
    params: {
      backend: {
        fallback:
          "http quand la page est servie par npm start (le serveur de référence répond à /healthz), sinon embedded",
        effect:
          "http : le serveur de référence est le backend, en HTTP, et un rechargement reprend le parcours où il en était ; embedded : le simulateur tourne dans la page, sans serveur, et un rechargement recommence.",
      },
      lang: {
        fallback: "en",
        effect: "La langue de la page et des messages d'erreur ; le sélecteur de langue la change aussi.",
      },
      scenario: {
        fallback: "newDevice",
        effect: "Le compte simulé du premier parcours ; « Recommencer avec » en choisit un autre.",
      },
      cooldown: {
        fallback: "30 s (valeur par défaut du moteur)",
        effect: "L'attente avant de pouvoir envoyer un nouveau code.",
      },
      timeout: {
        fallback: "10 s dans cette démo (30 s par défaut dans le moteur)",
        effect:
          "Le délai d'attente des requêtes : au-delà, l'appel échoue avec 2201. ?timeout=2 rend une 2201 armée rapide à voir.",
      },
      lifetime: {
        fallback: "5 min (valeur par défaut du moteur)",
        effect:
          "La durée de validité d'un code SMS, dans le compte à rebours de l'application et dans le backend simulé.",
      },
      autofill: {
        fallback: "activé",
        effect:
          "Le navigateur propose le code SMS reçu (WebOTP, là où le navigateur le permet) ; off : le code est saisi à la main.",
      },
    },
    paramsExample: "Par exemple :",
    pinBlockedTitle: "Votre code PIN est bloqué",
    pinBlockedBody:
      "Trop de codes PIN erronés : supprimez tous les appareils enregistrés sur votre compte, puis enregistrez de nouveau celui-ci avec un nouveau code PIN.",
    statechartTitle: "Diagramme d'états en direct",
    currentState: "État courant :",
    layoutFailed: (m) => `Le diagramme n'a pas pu être disposé : ${m}`,
    layingOut: "Disposition du diagramme…",
    diagramLabel: "Le diagramme d'états, dessiné",
    drawnBy:
      "Dessiné à partir d'enrollmentMachine elle-même, disposé par ELK (elkjs). Faites glisser ou défilez pour vous déplacer.",
    zoomIn: "Agrandir",
    zoomOut: "Réduire",
    fitWidth: "Ajuster",
    actualSize: "100 %",
    follow: "Suivre l'état courant",
    lastTransition: "Dernière transition :",
    noTransition: "aucune pour l'instant",
    acceptedHeading: "Événements acceptés maintenant",
    lastEventsHeading: "Derniers événements",
    noEvents: "aucun pour l'instant",
    accepted: " (accepté)",
    ignored: " (ignoré)",
    anyState: "tout état",
    legend: {
      current: "état courant",
      taken: "dernière transition",
      final: "état final",
      initial: "état initial",
    },
    controlsTitle: "Commandes du simulateur",
    backend: "Backend :",
    backendHttp: "serveur de référence en HTTP",
    backendEmbedded: "simulateur intégré (dans la page)",
    reloadStartedOver:
      "La page a été rechargée : le simulateur de cette page n'a gardé aucun code SMS, l'enregistrement recommence donc. Servi par le serveur de référence (?backend=http), il reprend où il en était.",
    requestTimeout: (s) => `Délai d'attente des requêtes : ${s} s`,
    failLegend: "Faire échouer les prochains appels",
    operation: "Opération",
    errorCode: "Code d'erreur",
    times: "Nombre d'appels",
    failNext: (op, n) =>
      n === 1 ? `Faire échouer le prochain ${op}` : `Faire échouer les ${n} prochains ${op}`,
    decidedBy: {
      server: "Décidé par le serveur de référence.",
      simulator: "Décidé par le simulateur de cette page.",
      token:
        "Décidé par le jeton inWebo de l'appareil (simulé dans cette page), une fois le code accepté par le backend.",
      page: "Décidé dans cette page, par son réseau.",
    },
    explain2202: {
      page: "La requête échoue avant d'être envoyée, comme sans connexion : elle ne quitte jamais la page. Le parcours attend le retour du réseau, ou « Réessayer ».",
      simulator:
        "Le simulateur répond comme s'il n'y avait pas de connexion : le parcours attend le retour du réseau, ou « Réessayer ».",
    },
    explain2201: {
      server: (s) => `Le serveur retient sa réponse : l'appel échoue à la fin du délai d'attente (${s} s).`,
      simulator: "Le simulateur répond aussitôt, comme un appel arrivé au bout de son délai.",
    },
    explain2316:
      "Le code est accepté, puis la post-synchronisation du jeton échoue : le parcours se resynchronise de lui-même et atteint le passage de relais. Armez-le pour 2 appels pour voir le parcours s'arrêter et proposer « Réessayer ».",
    deciders: {
      server: "serveur de référence",
      simulator: "simulateur",
      token: "jeton inWebo",
      page: "cette page",
    },
    faultsHeading: "Armées et déclenchées",
    noFaults: "Aucune panne armée pendant ce parcours.",
    armed: "armée",
    fired: "déclenchée",
    firedOn: (call, time) => `sur ${call} à ${time}`,
    callNumber: (n) => `appel ${n}`,
    requestNumber: (n) => `requête ${n}, jamais envoyée`,
    recovered2316:
      "Le code a été accepté ; seule la post-synchronisation du jeton a échoué. Le parcours l'a relancée de lui-même (synchronizing) sans nouveau code.",
    stalled2316:
      "La post-synchronisation relancée a échoué elle aussi : le parcours attend « Réessayer » (synchronizing.stalled).",
    networkLegend: "Réseau",
    offline: "Hors ligne",
    latency: "Latence",
    noLatency: "aucune",
    latencyPastTimeout: (s, t) => `${s} s (au-delà du délai de ${t} s : 2201)`,
    accountLegend: "Compte",
    startOverWith: "Recommencer avec",
    scenarios: {
      newDevice: "Nouvel appareil, enregistré avec un nouveau PIN",
      alreadyEnrolled: "Compte déjà enregistré (PIN existant)",
      deviceActivated: "Appareil déjà activé",
      accountBlocked: "Compte bloqué",
      pinBlocked: "PIN bloqué",
      noTrustedPhone: "Aucun numéro de confiance",
      tokenNotConfigured: "Jeton inWebo non configuré",
    },
  },
  de: {
    sectionsLabel: "Bereiche der Demo",
    tabs: { flow: "App", statechart: "Diagramm", controls: "Steuerung", about: "Info" },
    aboutTitle: "Über diese Demo",
    aboutIntro:
      "Die Registrierungs-Engine läuft in dieser Seite: Die Bildschirme der App zeigen ihr View-Model, das simulierte Telefon zeigt die SMS des simulierten Backends, das Diagramm ist die Maschine selbst, und die Steuerung lässt das Backend absichtlich scheitern. Jeder Durchlauf beginnt auf einem frischen simulierten Konto.",
    paramsCaption: "URL-Parameter",
    paramsHeader: { name: "Parameter", values: "Werte", fallback: "Ohne ihn", effect: "Wirkung" },
    params: {
      backend: {
        fallback:
          "http, wenn npm start die Seite ausliefert (der Referenzserver antwortet auf /healthz), sonst embedded",
        effect:
          "http: Der Referenzserver ist das Backend, über HTTP, und nach einem Neuladen geht der Ablauf dort weiter, wo er war; embedded: Der Simulator läuft in der Seite, ohne Server, und ein Neuladen beginnt von vorn.",
      },
      lang: {
        fallback: "en",
        effect: "Die Sprache der Seite und der Fehlermeldungen; die Sprachauswahl ändert sie ebenfalls.",
      },
      scenario: {
        fallback: "newDevice",
        effect: "Das simulierte Konto des ersten Durchlaufs; „Neu beginnen mit“ wählt ein anderes.",
      },
      cooldown: {
        fallback: "30 s (Standard der Engine)",
        effect: "Die Wartezeit, bevor ein neuer Code gesendet werden kann.",
      },
      timeout: {
        fallback: "10 s in dieser Demo (Standard der Engine: 30 s)",
        effect:
          "Das Zeitlimit pro Anfrage: Danach scheitert ein Aufruf mit 2201. ?timeout=2 zeigt einen scharf geschalteten 2201 schnell.",
      },
      lifetime: {
        fallback: "5 min (Standard der Engine)",
        effect: "Wie lange ein SMS-Code gültig ist, im Countdown der App und im simulierten Backend.",
      },
      autofill: {
        fallback: "an",
        effect:
          "Der Browser schlägt den empfangenen SMS-Code vor (WebOTP, wo der Browser es kann); off: der Code wird von Hand eingegeben.",
      },
    },
    paramsExample: "Zum Beispiel:",
    pinBlockedTitle: "Ihre PIN ist gesperrt",
    pinBlockedBody:
      "Zu viele falsche PINs: Entfernen Sie alle für Ihr Konto registrierten Geräte und registrieren Sie dieses dann mit einer neuen PIN erneut.",
    statechartTitle: "Live-Zustandsdiagramm",
    currentState: "Aktueller Zustand:",
    layingOut: "Das Diagramm wird angeordnet…",
    layoutFailed: (m) => `Das Diagramm konnte nicht angeordnet werden: ${m}`,
    diagramLabel: "Das Zustandsdiagramm, gezeichnet",
    drawnBy:
      "Gezeichnet aus enrollmentMachine selbst, angeordnet von ELK (elkjs). Ziehen oder scrollen zum Verschieben.",
    zoomIn: "Vergrößern",
    zoomOut: "Verkleinern",
    fitWidth: "Einpassen",
    actualSize: "100 %",
    follow: "Dem aktuellen Zustand folgen",
    lastTransition: "Letzter Übergang:",
    noTransition: "noch keiner",
    acceptedHeading: "Jetzt angenommene Ereignisse",
    lastEventsHeading: "Letzte Ereignisse",
    noEvents: "noch keine",
    accepted: " (angenommen)",
    ignored: " (ignoriert)",
    anyState: "jeder Zustand",
    legend: {
      current: "aktueller Zustand",
      taken: "letzter Übergang",
      final: "Endzustand",
      initial: "Anfangszustand",
    },
    controlsTitle: "Simulator-Steuerung",
    backend: "Backend:",
    backendHttp: "Referenzserver über HTTP",
    backendEmbedded: "eingebetteter Simulator (in der Seite)",
    reloadStartedOver:
      "Die Seite wurde neu geladen: Der Simulator in dieser Seite hat keinen SMS-Code behalten, daher beginnt die Registrierung von vorn. Über den Referenzserver (?backend=http) geht sie dort weiter, wo sie war.",
    requestTimeout: (s) => `Zeitlimit pro Anfrage: ${s} s`,
    failLegend: "Die nächsten Aufrufe scheitern lassen",
    operation: "Operation",
    errorCode: "Fehlercode",
    times: "Wie viele Aufrufe",
    failNext: (op, n) =>
      n === 1 ? `Nächsten ${op} scheitern lassen` : `Die nächsten ${n} ${op} scheitern lassen`,
    decidedBy: {
      server: "Entschieden vom Referenzserver.",
      simulator: "Entschieden vom Simulator in dieser Seite.",
      token:
        "Entschieden vom inWebo-Token des Geräts (in dieser Seite simuliert), nachdem das Backend den Code angenommen hat.",
      page: "Entschieden in dieser Seite, von ihrem Netz.",
    },
    explain2202: {
      page: "Die Anfrage scheitert, bevor sie gesendet wird, wie ohne Verbindung: Sie verlässt die Seite nie. Der Ablauf wartet, bis das Netz wieder da ist, oder auf „Erneut versuchen“.",
      simulator:
        "Der Simulator antwortet, als gäbe es keine Verbindung: Der Ablauf wartet, bis das Netz wieder da ist, oder auf „Erneut versuchen“.",
    },
    explain2201: {
      server: (s) =>
        `Der Server hält die Antwort zurück: Der Aufruf scheitert, wenn das Zeitlimit (${s} s) abläuft.`,
      simulator: "Der Simulator antwortet sofort, wie bei einem Aufruf, dessen Zeitlimit abgelaufen ist.",
    },
    explain2316:
      "Der Code wird angenommen, dann scheitert die Nachsynchronisierung des Tokens: Der Ablauf synchronisiert selbst erneut und erreicht die Übergabe. Für 2 Aufrufe scharf schalten, um den Ablauf anhalten und „Erneut versuchen“ anbieten zu sehen.",
    deciders: {
      server: "Referenzserver",
      simulator: "Simulator",
      token: "inWebo-Token",
      page: "diese Seite",
    },
    faultsHeading: "Scharf und ausgelöst",
    noFaults: "In diesem Durchlauf ist kein Fehler scharf geschaltet.",
    armed: "scharf",
    fired: "ausgelöst",
    firedOn: (call, time) => `bei ${call} um ${time}`,
    callNumber: (n) => `Aufruf ${n}`,
    requestNumber: (n) => `Anfrage ${n}, nie gesendet`,
    recovered2316:
      "Der Code wurde angenommen; nur die Nachsynchronisierung des Tokens ist gescheitert. Der Ablauf hat sie selbst wiederholt (synchronizing), ohne neuen Code.",
    stalled2316:
      "Auch die wiederholte Nachsynchronisierung ist gescheitert: Der Ablauf wartet auf „Erneut versuchen“ (synchronizing.stalled).",
    networkLegend: "Netz",
    offline: "Offline",
    latency: "Latenz",
    noLatency: "keine",
    latencyPastTimeout: (s, t) => `${s} s (über dem Zeitlimit von ${t} s: 2201)`,
    accountLegend: "Konto",
    startOverWith: "Neu beginnen mit",
    scenarios: {
      newDevice: "Neues Gerät, Registrierung mit neuer PIN",
      alreadyEnrolled: "Konto bereits registriert (bestehende PIN)",
      deviceActivated: "Gerät bereits aktiviert",
      accountBlocked: "Konto gesperrt",
      pinBlocked: "PIN gesperrt",
      noTrustedPhone: "Keine vertrauenswürdige Telefonnummer",
      tokenNotConfigured: "inWebo-Token nicht konfiguriert",
    },
  },
  it: {
    sectionsLabel: "Sezioni della demo",
    tabs: { flow: "App", statechart: "Diagramma", controls: "Comandi", about: "Info" },
    aboutTitle: "Informazioni su questa demo",
    aboutIntro:
      "Il motore di registrazione gira in questa pagina: le schermate dell'app mostrano il suo modello di vista, il telefono simulato mostra gli SMS inviati dal backend simulato, il diagramma è la macchina stessa, e i comandi fanno fallire il backend di proposito. Ogni flusso parte da un account simulato nuovo.",
    paramsCaption: "Parametri dell'URL",
    paramsHeader: { name: "Parametro", values: "Valori", fallback: "Senza di esso", effect: "Cosa fa" },
    params: {
      backend: {
        fallback:
          "http quando la pagina è servita da npm start (il server di riferimento risponde a /healthz), altrimenti embedded",
        effect:
          "http: il backend è il server di riferimento, via HTTP, e dopo un ricaricamento il percorso riprende dov'era; embedded: il simulatore gira nella pagina, senza server, e un ricaricamento ricomincia da capo.",
      },
      lang: {
        fallback: "en",
        effect: "La lingua della pagina e dei messaggi di errore; anche il selettore della lingua la cambia.",
      },
      scenario: {
        fallback: "newDevice",
        effect: "L'account simulato del primo flusso; «Ricomincia con» ne sceglie un altro.",
      },
      cooldown: {
        fallback: "30 s (predefinito del motore)",
        effect: "L'attesa prima di poter inviare un nuovo codice.",
      },
      timeout: {
        fallback: "10 s in questa demo (30 s predefiniti nel motore)",
        effect:
          "Il timeout delle richieste: oltre, la chiamata fallisce con 2201. ?timeout=2 rende un 2201 armato rapido da vedere.",
      },
      lifetime: {
        fallback: "5 min (predefinito del motore)",
        effect:
          "Per quanto tempo è valido un codice SMS, nel conto alla rovescia dell'app e nel backend simulato.",
      },
      autofill: {
        fallback: "attivo",
        effect:
          "Il browser propone il codice SMS ricevuto (WebOTP, dove il browser lo consente); off: il codice si digita a mano.",
      },
    },
    paramsExample: "Per esempio:",
    pinBlockedTitle: "Il tuo PIN è bloccato",
    pinBlockedBody:
      "Troppi PIN errati: rimuovi tutti i dispositivi registrati sul tuo account, poi registra di nuovo questo con un nuovo PIN.",
    statechartTitle: "Diagramma degli stati dal vivo",
    currentState: "Stato corrente:",
    layingOut: "Disposizione del diagramma…",
    layoutFailed: (m) => `Non è stato possibile disporre il diagramma: ${m}`,
    diagramLabel: "Il diagramma degli stati, disegnato",
    drawnBy:
      "Disegnato da enrollmentMachine stessa, disposto da ELK (elkjs). Trascina o scorri per spostarti.",
    zoomIn: "Ingrandisci",
    zoomOut: "Riduci",
    fitWidth: "Adatta",
    actualSize: "100 %",
    follow: "Segui lo stato corrente",
    lastTransition: "Ultima transizione:",
    noTransition: "ancora nessuna",
    acceptedHeading: "Eventi accettati ora",
    lastEventsHeading: "Ultimi eventi",
    noEvents: "ancora nessuno",
    accepted: " (accettato)",
    ignored: " (ignorato)",
    anyState: "qualsiasi stato",
    legend: {
      current: "stato corrente",
      taken: "ultima transizione",
      final: "stato finale",
      initial: "stato iniziale",
    },
    controlsTitle: "Comandi del simulatore",
    backend: "Backend:",
    backendHttp: "server di riferimento via HTTP",
    backendEmbedded: "simulatore integrato (nella pagina)",
    reloadStartedOver:
      "La pagina è stata ricaricata: il simulatore di questa pagina non ha conservato alcun codice SMS, quindi la registrazione ricomincia. Con il server di riferimento (?backend=http) riprende dov'era.",
    requestTimeout: (s) => `Timeout delle richieste: ${s} s`,
    failLegend: "Fai fallire le prossime chiamate",
    operation: "Operazione",
    errorCode: "Codice di errore",
    times: "Quante chiamate",
    failNext: (op, n) => (n === 1 ? `Fai fallire il prossimo ${op}` : `Fai fallire i prossimi ${n} ${op}`),
    decidedBy: {
      server: "Deciso dal server di riferimento.",
      simulator: "Deciso dal simulatore in questa pagina.",
      token:
        "Deciso dal token inWebo del dispositivo (simulato in questa pagina), dopo che il backend ha accettato il codice.",
      page: "Deciso in questa pagina, dalla sua rete.",
    },
    explain2202: {
      page: "La richiesta fallisce prima di essere inviata, come senza connessione: non lascia mai la pagina. Il flusso aspetta il ritorno della rete, o «Riprova».",
      simulator:
        "Il simulatore risponde come se non ci fosse connessione: il flusso aspetta il ritorno della rete, o «Riprova».",
    },
    explain2201: {
      server: (s) =>
        `Il server trattiene la risposta: la chiamata fallisce allo scadere del timeout (${s} s).`,
      simulator: "Il simulatore risponde subito, come una chiamata andata in timeout.",
    },
    explain2316:
      "Il codice viene accettato, poi la post-sincronizzazione del token fallisce: il flusso si risincronizza da solo e arriva al passaggio di consegne. Armalo per 2 chiamate per vedere il flusso fermarsi e proporre «Riprova».",
    deciders: {
      server: "server di riferimento",
      simulator: "simulatore",
      token: "token inWebo",
      page: "questa pagina",
    },
    faultsHeading: "Armati e scattati",
    noFaults: "Nessun guasto armato in questo flusso.",
    armed: "armato",
    fired: "scattato",
    firedOn: (call, time) => `su ${call} alle ${time}`,
    callNumber: (n) => `chiamata ${n}`,
    requestNumber: (n) => `richiesta ${n}, mai inviata`,
    recovered2316:
      "Il codice è stato accettato; è fallita solo la post-sincronizzazione del token. Il flusso l'ha ripetuta da solo (synchronizing) senza un nuovo codice.",
    stalled2316:
      "Anche la post-sincronizzazione ripetuta è fallita: il flusso aspetta «Riprova» (synchronizing.stalled).",
    networkLegend: "Rete",
    offline: "Offline",
    latency: "Latenza",
    noLatency: "nessuna",
    latencyPastTimeout: (s, t) => `${s} s (oltre il timeout di ${t} s: 2201)`,
    accountLegend: "Account",
    startOverWith: "Ricomincia con",
    scenarios: {
      newDevice: "Nuovo dispositivo, registrazione con un nuovo PIN",
      alreadyEnrolled: "Account già registrato (PIN esistente)",
      deviceActivated: "Dispositivo già attivato",
      accountBlocked: "Account bloccato",
      pinBlocked: "PIN bloccato",
      noTrustedPhone: "Nessun numero attendibile",
      tokenNotConfigured: "Token inWebo non configurato",
    },
  },
  es: {
    sectionsLabel: "Secciones de la demo",
    tabs: { flow: "App", statechart: "Diagrama", controls: "Controles", about: "Acerca de" },
    aboutTitle: "Acerca de esta demo",
    aboutIntro:
      "El motor de registro se ejecuta en esta página: las pantallas de la aplicación muestran su modelo de vista, el teléfono simulado muestra los SMS que envió el backend simulado, el diagrama es la propia máquina y los controles hacen fallar el backend a propósito. Cada flujo empieza en una cuenta simulada nueva.",
    paramsCaption: "Parámetros de la URL",
    paramsHeader: { name: "Parámetro", values: "Valores", fallback: "Sin él", effect: "Qué hace" },
    params: {
      backend: {
        fallback:
          "http cuando npm start sirve la página (el servidor de referencia responde a /healthz); si no, embedded",
        effect:
          "http: el backend es el servidor de referencia, por HTTP, y tras recargar el flujo sigue donde estaba; embedded: el simulador se ejecuta en la página, sin servidor, y recargar empieza de nuevo.",
      },
      lang: {
        fallback: "en",
        effect: "El idioma de la página y de los mensajes de error; el selector de idioma también lo cambia.",
      },
      scenario: {
        fallback: "newDevice",
        effect: "La cuenta simulada del primer flujo; «Volver a empezar con» elige otra.",
      },
      cooldown: {
        fallback: "30 s (valor por defecto del motor)",
        effect: "La espera antes de poder enviar un código nuevo.",
      },
      timeout: {
        fallback: "10 s en esta demo (30 s por defecto en el motor)",
        effect:
          "El tiempo de espera de las peticiones: pasado, la llamada falla con 2201. ?timeout=2 hace que un 2201 armado se vea rápido.",
      },
      lifetime: {
        fallback: "5 min (valor por defecto del motor)",
        effect:
          "Cuánto tiempo es válido un código SMS, en la cuenta atrás de la aplicación y en el backend simulado.",
      },
      autofill: {
        fallback: "activado",
        effect:
          "El navegador propone el código SMS recibido (WebOTP, donde el navegador lo permite); off: el código se escribe a mano.",
      },
    },
    paramsExample: "Por ejemplo:",
    pinBlockedTitle: "Tu PIN está bloqueado",
    pinBlockedBody:
      "Demasiados PIN incorrectos: elimina todos los dispositivos registrados en tu cuenta y vuelve a registrar este con un PIN nuevo.",
    statechartTitle: "Diagrama de estados en vivo",
    currentState: "Estado actual:",
    layingOut: "Disponiendo el diagrama…",
    layoutFailed: (m) => `No se ha podido disponer el diagrama: ${m}`,
    diagramLabel: "El diagrama de estados, dibujado",
    drawnBy:
      "Dibujado a partir de la propia enrollmentMachine, dispuesto por ELK (elkjs). Arrastra o desplázate para moverte.",
    zoomIn: "Ampliar",
    zoomOut: "Reducir",
    fitWidth: "Ajustar",
    actualSize: "100 %",
    follow: "Seguir el estado actual",
    lastTransition: "Última transición:",
    noTransition: "ninguna todavía",
    acceptedHeading: "Eventos aceptados ahora",
    lastEventsHeading: "Últimos eventos",
    noEvents: "ninguno todavía",
    accepted: " (aceptado)",
    ignored: " (ignorado)",
    anyState: "cualquier estado",
    legend: {
      current: "estado actual",
      taken: "última transición",
      final: "estado final",
      initial: "estado inicial",
    },
    controlsTitle: "Controles del simulador",
    backend: "Backend:",
    backendHttp: "servidor de referencia por HTTP",
    backendEmbedded: "simulador integrado (en la página)",
    reloadStartedOver:
      "La página se ha recargado: el simulador de esta página no guardó ningún código SMS, así que el registro empieza de nuevo. Con el servidor de referencia (?backend=http) sigue donde estaba.",
    requestTimeout: (s) => `Tiempo de espera de las peticiones: ${s} s`,
    failLegend: "Hacer fallar las próximas llamadas",
    operation: "Operación",
    errorCode: "Código de error",
    times: "Cuántas llamadas",
    failNext: (op, n) => (n === 1 ? `Hacer fallar el próximo ${op}` : `Hacer fallar los próximos ${n} ${op}`),
    decidedBy: {
      server: "Lo decide el servidor de referencia.",
      simulator: "Lo decide el simulador de esta página.",
      token:
        "Lo decide el token inWebo del dispositivo (simulado en esta página), una vez que el backend aceptó el código.",
      page: "Se decide en esta página, en su red.",
    },
    explain2202: {
      page: "La petición falla antes de enviarse, como sin conexión: nunca sale de la página. El flujo espera a que vuelva la red, o a «Reintentar».",
      simulator:
        "El simulador responde como si no hubiera conexión: el flujo espera a que vuelva la red, o a «Reintentar».",
    },
    explain2201: {
      server: (s) =>
        `El servidor retiene la respuesta: la llamada falla al agotarse el tiempo de espera (${s} s).`,
      simulator: "El simulador responde al instante, como una llamada que agotó su tiempo de espera.",
    },
    explain2316:
      "El código se acepta y luego falla la postsincronización del token: el flujo se vuelve a sincronizar solo y llega al relevo. Ármalo para 2 llamadas para ver el flujo detenerse y ofrecer «Reintentar».",
    deciders: {
      server: "servidor de referencia",
      simulator: "simulador",
      token: "token inWebo",
      page: "esta página",
    },
    faultsHeading: "Armados y disparados",
    noFaults: "Ningún fallo armado en este flujo.",
    armed: "armado",
    fired: "disparado",
    firedOn: (call, time) => `en ${call} a las ${time}`,
    callNumber: (n) => `llamada ${n}`,
    requestNumber: (n) => `petición ${n}, nunca enviada`,
    recovered2316:
      "El código fue aceptado; solo falló la postsincronización del token. El flujo la repitió solo (synchronizing) sin un código nuevo.",
    stalled2316:
      "La postsincronización repetida también falló: el flujo espera a «Reintentar» (synchronizing.stalled).",
    networkLegend: "Red",
    offline: "Sin conexión",
    latency: "Latencia",
    noLatency: "ninguna",
    latencyPastTimeout: (s, t) => `${s} s (más que el tiempo de espera de ${t} s: 2201)`,
    accountLegend: "Cuenta",
    startOverWith: "Volver a empezar con",
    scenarios: {
      newDevice: "Dispositivo nuevo, se registra con un PIN nuevo",
      alreadyEnrolled: "Cuenta ya registrada (PIN existente)",
      deviceActivated: "Dispositivo ya activado",
      accountBlocked: "Cuenta bloqueada",
      pinBlocked: "PIN bloqueado",
      noTrustedPhone: "Sin número de confianza",
      tokenNotConfigured: "Token inWebo no configurado",
    },
  },
};
