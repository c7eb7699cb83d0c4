import { describe, expect, it } from "vitest";
import { type DemoPage, demoForSuite, focused, visible } from "./support";

const demo = demoForSuite();

const startOverWith = async (d: DemoPage, scenario: string) => {
  await d.controls.getByLabel("Start over with").selectOption(scenario);
};

describe("the language switch", () => {
  it("translates the screens and the error messages, and keeps the choice in the URL", async () => {
    const d = await demo.open();
    await d.page.getByRole("radio", { name: "Français" }).check();
    await visible(d.app.getByRole("heading", { name: "Sécurisez cet appareil" }));
    expect(await d.page.getAttribute("html", "lang")).toBe("fr");
    expect(new URL(d.page.url()).searchParams.get("lang")).toBe("fr");

    await d.app.getByRole("button", { name: "Commencer" }).click();
    await visible(d.app.getByRole("heading", { name: "Saisissez le code" }));
    await d.smsCount(1);
    await d.app.getByLabel("Code reçu par SMS").fill("12ab");
    await d.app.getByRole("button", { name: "Valider" }).click();
    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toContain(
      "Saisissez le code reçu par SMS : uniquement des chiffres, de 4 à 10.",
    );
    // The format is checked on the device: no attempt is spent.
    expect(await d.app.locator(".attempts").textContent()).toBe("3 essais restants");
    await d.axe("09-french-format-error");
    await d.screenshot("09-french-format-error");

    const expected = [
      ["Deutsch", "Code eingeben", "Geben Sie den Code aus der SMS ein: nur Ziffern, 4 bis 10 Stellen."],
      ["Italiano", "Inserisci il codice", "Inserisci il codice ricevuto via SMS: solo cifre, da 4 a 10."],
      [
        "Español",
        "Introduce el código",
        "Introduce el código que has recibido por SMS: solo cifras, de 4 a 10.",
      ],
      ["English", "Enter the code", "Enter the code you received by SMS: digits only, 4 to 10 of them."],
    ] as const;
    for (const [language, heading, message] of expected) {
      await d.page.getByRole("radio", { name: language }).check();
      await visible(d.app.getByRole("heading", { name: heading }));
      expect(await d.app.getByRole("alert").textContent()).toContain(message);
    }
    expect(d.problems).toEqual([]);
  });

  it("opens in the language of ?lang=", async () => {
    const d = await demo.open({ lang: "es" });
    await visible(d.app.getByRole("heading", { name: "Protege este dispositivo" }));
    expect(await d.page.getByRole("radio", { name: "Español" }).isChecked()).toBe(true);
  });
});

describe("keyboard-only use", () => {
  it("runs the flow from the keyboard, with labelled fields, the focus kept in the field after a wrong code", async () => {
    const d = await demo.open();
    const { page } = d;

    // Every field of the page has a label a screen reader announces.
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select, textarea"))
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute("aria-label"))
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);

    // Tab to the Start button (after the language switch), then Enter.
    for (let i = 0; i < 10 && (await focused(page)) !== "button: Start"; i++)
      await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button: Start");
    await page.keyboard.press("Enter");

    // The code field takes the focus when the code screen opens.
    await expect.poll(() => focused(page), { timeout: 5_000 }).toBe("#sms-code");
    expect(await page.getByLabel("SMS code").getAttribute("inputmode")).toBe("numeric");
    expect(await page.getByLabel("SMS code").getAttribute("autocomplete")).toBe("one-time-code");
    await d.smsCount(1);
    const code = await d.latestCode();

    // A wrong code: the error is announced (role="alert") and the focus stays in the field, its content
    // selected, so that typing replaces it.
    await page.keyboard.type(code === "999999" ? "888888" : "999999");
    await page.keyboard.press("Enter");
    await visible(d.app.getByRole("alert"));
    await expect.poll(() => focused(page), { timeout: 5_000 }).toBe("#sms-code");
    await d.axe("10-keyboard-focus-on-error");
    await d.screenshot("10-keyboard-focus-on-error");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");

    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    await expect.poll(() => focused(page)).toBe("h3: Phone number confirmed");
    expect(d.problems).toEqual([]);
  });
});

describe("the final screens", () => {
  it("shows every way the flow can end, each with what comes next", async () => {
    const d = await demo.open();
    const heading = (name: string) => visible(d.app.getByRole("heading", { name }));

    await startOverWith(d, "deviceActivated");
    await d.app.getByRole("button", { name: "Start" }).click();
    await heading("This device is already activated");
    expect(await d.currentState()).toBe("alreadyActivated");
    await d.axe("11-already-activated");
    await d.screenshot("11-already-activated");

    await startOverWith(d, "noTrustedPhone");
    await d.app.getByRole("button", { name: "Start" }).click();
    await heading("A trusted phone number is needed");
    expect(await d.currentState()).toBe("trustedPhoneRequired");
    await d.axe("12-trusted-phone-required");
    await d.screenshot("12-trusted-phone-required");

    await startOverWith(d, "pinBlocked");
    await d.app.getByRole("button", { name: "Start" }).click();
    await heading("Your PIN is blocked");
    expect(await d.currentState()).toBe("accountBlocked");
    await d.axe("12b-pin-blocked");
    await d.screenshot("12b-pin-blocked");

    await startOverWith(d, "tokenNotConfigured");
    await d.app.getByRole("button", { name: "Start" }).click();
    // No SMS for a device that cannot enroll: the flow fails before requesting one.
    await heading("Enrollment failed");
    expect(await d.phone.locator(".sms").count()).toBe(0);
    expect(await d.app.getByRole("alert").textContent()).toContain(
      "Strong authentication is not set up on this device. Please contact support.",
    );
    expect(await d.app.getByRole("alert").getAttribute("data-code")).toBe("2344");
    await d.axe("13-failed-2344");
    await d.screenshot("13-failed-2344");

    await startOverWith(d, "alreadyEnrolled");
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.smsCount(1);
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await heading("Phone number confirmed");
    expect(await d.app.textContent()).toContain("Next: enter the PIN you already use with your account.");
    await d.axe("14-handoff-existing-pin");
    await d.screenshot("14-handoff-existing-pin");

    await d.app.getByRole("button", { name: "Start over" }).click();
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.app.getByRole("button", { name: "Cancel" }).click();
    await heading("Enrollment cancelled");
    expect(await d.currentState()).toBe("cancelled");
    await d.axe("15-cancelled");
    await d.screenshot("15-cancelled");
    expect(d.problems).toEqual([]);
  });

  it("offers a new code, once the cooldown is over, when the code is refused with 2308", async () => {
    const d = await demo.open({ cooldown: "1" });
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.smsCount(1);
    await d.injectFault("smscode.set", 2308);
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();

    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toContain("Access was refused. Ask for a new code.");
    expect(await d.currentState()).toBe("awaitingCode.expired");
    // The spent code cannot be sent again: no code field, the resend button is the way on.
    expect(await d.app.getByLabel("SMS code").count()).toBe(0);
    const resend = d.app.getByRole("button", { name: "Send a new code", exact: true });
    await visible(resend);
    await expect.poll(() => resend.isEnabled(), { timeout: 3_000 }).toBe(true);
    await d.axe("16-code-refused-2308-new-code");
    await d.screenshot("16-code-refused-2308-new-code");

    await resend.click();
    await d.smsCount(2);
    await visible(d.app.getByLabel("SMS code"));
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(d.problems).toEqual([]);
  });

  it("offers a retry after a server error, headed as on hold, and the retry goes through", async () => {
    const d = await demo.open();
    await d.injectFault("trustedphonenumber.get", 2204);
    await d.app.getByRole("button", { name: "Start" }).click();
    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toContain(
      "The service is unavailable right now. Please try again in a moment.",
    );
    expect(await d.currentState()).toBe("checkingTrustedPhone.stalled");
    // Nothing is looked up while it waits for "Try again": the heading says the lookup is on hold.
    expect(await d.app.getByRole("heading", { level: 3 }).textContent()).toBe("Phone number lookup on hold");
    await d.axe("17-server-error-retry");
    await d.screenshot("17-server-error-retry");
    await d.app.getByRole("button", { name: "Try again" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    expect(d.problems).toEqual([]);
  });
});
