import { describe, expect, it } from "@jest/globals";
import { act, configure, render, screen, userEvent } from "@testing-library/react-native";
import { createSimulator, type Simulator } from "pims-enrollment/simulator";
import { SimulatedClock } from "xstate";
import { App } from "../App";

// The machine is loaded in CI: the simulator's answers can take longer than RNTL's default second.
configure({ asyncUtilTimeout: 5000 });

/** The code of the last SMS the simulated backend sent. */
const lastCode = (simulator: Simulator): string => {
  const sms = simulator.outbox.at(-1);
  if (sms === undefined) throw new Error("no SMS was sent");
  return sms.code;
};

/** A code of the same length that is not `code`. */
const wrongCodeFor = (code: string): string => `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;

/** Renders the app, presses the start button and waits for the code field. */
const startFlow = async (simulator: Simulator, props: Parameters<typeof App>[0] | undefined = undefined) => {
  const user = userEvent.setup();
  await render(<App {...props} simulator={simulator} />);
  await user.press(screen.getByRole("button", { name: "Start" }));
  return { user, field: await screen.findByLabelText("SMS code") };
};

describe("the React Native example", () => {
  it("takes a new device from Start to the handoff with the code of the SMS, typed with a space", async () => {
    const simulator = createSimulator();
    const { user, field } = await startFlow(simulator);
    expect(field).toHaveProp("textContentType", "oneTimeCode");
    expect(field).toHaveProp("autoComplete", "sms-otp");
    expect(field).toHaveProp("keyboardType", "number-pad");
    const code = lastCode(simulator);
    expect(screen.getByText(`Your verification code is ${code}.`)).toBeOnTheScreen();
    expect(screen.getByText("We sent a code by SMS to 06••••••78.")).toBeOnTheScreen();

    // As people type it: normalizeCode (in useEnrollment's submit) keeps the digits.
    await user.type(field, `${code.slice(0, 3)} ${code.slice(3)}`);
    await user.press(screen.getByRole("button", { name: "Confirm" }));

    expect(await screen.findByRole("heading", { name: "Phone number confirmed" })).toBeOnTheScreen();
    expect(screen.getByText("Next: choose a PIN for this device.")).toBeOnTheScreen();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeOnTheScreen();
  });

  it("takes the code out of a whole SMS pasted into the field", async () => {
    const simulator = createSimulator();
    const { user, field } = await startFlow(simulator);
    const sms = simulator.outbox.at(-1)?.text ?? "";
    expect(sms).toContain(lastCode(simulator));

    await user.paste(field, sms);
    await user.press(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByRole("heading", { name: "Phone number confirmed" })).toBeOnTheScreen();
  });

  it("shows a wrong code's message, its detail and the attempts left, then takes the right one", async () => {
    const simulator = createSimulator();
    const { user, field } = await startFlow(simulator);
    expect(screen.getByText(/^3 attempts left/)).toBeOnTheScreen();
    const code = lastCode(simulator);

    await user.type(field, wrongCodeFor(code));
    await user.press(screen.getByRole("button", { name: "Confirm" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This code is not correct. Check the SMS and try again.", {
      exact: false,
    });
    expect(alert).toHaveTextContent("2305 The sms code is invalid", { exact: false });
    expect(screen.getByText(/^2 attempts left/)).toBeOnTheScreen();

    await user.clear(screen.getByLabelText("SMS code"));
    await user.type(screen.getByLabelText("SMS code"), code);
    await user.press(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByRole("heading", { name: "Phone number confirmed" })).toBeOnTheScreen();
    expect(screen.queryByRole("alert")).not.toBeOnTheScreen();
  });

  it("ends in failure with 2344 and its detail, sending no SMS, when the device's token is not configured", async () => {
    const simulator = createSimulator({ tokenConfigured: false });
    const user = userEvent.setup();
    await render(<App simulator={simulator} />);
    await user.press(screen.getByRole("button", { name: "Start" }));

    expect(await screen.findByRole("heading", { name: "Enrollment failed" })).toBeOnTheScreen();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(
      "Strong authentication is not set up on this device. Please contact support.",
      {
        exact: false,
      },
    );
    expect(alert).toHaveTextContent("2344 StrongAuthentication not configured", { exact: false });
    expect(simulator.outbox).toHaveLength(0);
    expect(screen.queryByLabelText("SMS code")).not.toBeOnTheScreen();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeOnTheScreen();
  });

  it("counts the resend cooldown down, offers a new code once it has passed, and takes that code", async () => {
    const clock = new SimulatedClock();
    clock.set(Date.UTC(2026, 0, 1));
    const simulator = createSimulator({ now: () => clock.now() });
    const { user } = await startFlow(simulator, { simulator, clock, limits: { resendCooldownMs: 30_000 } });
    const firstCode = lastCode(simulator);
    expect(screen.getByRole("button", { name: "Send a new code in 30 s" })).toBeDisabled();

    await act(async () => clock.increment(29_000));
    expect(screen.getByRole("button", { name: "Send a new code in 1 s" })).toBeDisabled();
    await act(async () => clock.increment(1_000));
    const resend = screen.getByRole("button", { name: "Send a new code" });
    expect(resend).toBeEnabled();

    await user.press(resend);
    expect(await screen.findByRole("button", { name: "Send a new code in 30 s" })).toBeDisabled();
    expect(simulator.outbox).toHaveLength(2);
    const secondCode = lastCode(simulator);
    expect(secondCode).not.toBe(firstCode);
    await user.type(screen.getByLabelText("SMS code"), secondCode);
    await user.press(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByRole("heading", { name: "Phone number confirmed" })).toBeOnTheScreen();
  });

  it("offers Try again when the phone was offline, and goes on once it is back", async () => {
    const simulator = createSimulator();
    simulator.setOffline(true);
    const user = userEvent.setup();
    await render(<App simulator={simulator} />);
    await user.press(screen.getByRole("button", { name: "Start" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("You are offline. We will continue as soon as you are back online.", {
      exact: false,
    });
    expect(alert).toHaveTextContent("2202", { exact: false });
    simulator.setOffline(false);
    await user.press(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByLabelText("SMS code")).toBeOnTheScreen();
  });

  it.each([
    {
      account: { alreadyEnrolled: true },
      byCode: true,
      title: "Phone number confirmed",
      next: "Next: enter your existing PIN.",
    },
    {
      account: { deviceActivated: true },
      byCode: false,
      title: "This device is already activated",
      next: null,
    },
    {
      account: { accountBlocked: "PINBlocked" as const },
      byCode: false,
      title: "Your account is blocked",
      next: "Next: remove all enrolled devices, then enroll again.",
    },
    {
      account: { phoneNumber: null },
      byCode: false,
      title: "A trusted phone number is needed",
      next: "Next: add a trusted phone number.",
    },
  ])("ends on $title for an account with $account", async ({ account, byCode, title, next }) => {
    const simulator = createSimulator(account);
    const user = userEvent.setup();
    await render(<App simulator={simulator} />);
    await user.press(screen.getByRole("button", { name: "Start" }));
    if (byCode) {
      await user.type(await screen.findByLabelText("SMS code"), lastCode(simulator));
      await user.press(screen.getByRole("button", { name: "Confirm" }));
    }

    expect(await screen.findByRole("heading", { name: title })).toBeOnTheScreen();
    if (next !== null) expect(screen.getByText(next)).toBeOnTheScreen();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeOnTheScreen();
  });

  it("cancels from code entry", async () => {
    const simulator = createSimulator();
    const { user } = await startFlow(simulator);
    await user.press(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByRole("heading", { name: "Enrollment cancelled" })).toBeOnTheScreen();
    expect(screen.queryByLabelText("SMS code")).not.toBeOnTheScreen();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeOnTheScreen();
  });

  it("speaks French once Français is chosen: its own strings and the view model's messages", async () => {
    const simulator = createSimulator();
    const user = userEvent.setup();
    await render(<App simulator={simulator} />);
    await user.press(screen.getByRole("radio", { name: "Français" }));
    expect(screen.getByRole("radio", { name: "Français" })).toBeChecked();
    expect(screen.getByRole("heading", { name: "Sécurisez cet appareil" })).toBeOnTheScreen();
    await user.press(screen.getByRole("button", { name: "Commencer" }));

    const field = await screen.findByLabelText("Code reçu par SMS");
    const code = lastCode(simulator);
    expect(screen.getByText(`Votre code de vérification est ${code}.`)).toBeOnTheScreen();
    await user.type(field, wrongCodeFor(code));
    await user.press(screen.getByRole("button", { name: "Valider" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Ce code est incorrect. Vérifiez le SMS et réessayez.", { exact: false });
    expect(screen.getByText(/^2 essais restants/)).toBeOnTheScreen();
    expect(screen.getByRole("button", { name: "Annuler" })).toBeOnTheScreen();
  });
});
