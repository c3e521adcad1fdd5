/**
 * Steps a reader takes in the simulator, written once for the browser tests. Everything is
 * found by role and accessible name, as a reader or a screen reader would find it.
 */
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { generateSync } from 'otplib';
import { expect } from './fixtures';

export const ARTICLE_2FA = '/articles/enable-two-factor-authentication/';

/** A fixed moment, 10 s into a 30 s window, so that codes do not roll over mid-test. */
export const NOW = new Date('2026-11-28T10:00:10Z');

/** Puts the page on Playwright's clock at NOW (call before goto). The clock keeps running. */
export async function useFixedClock(page: Page): Promise<void> {
  await page.clock.install({ time: NOW });
}

/** Where usePausedClock stops the clock: 1 s after NOW, 11 s into a 30 s window. */
export const PAUSED = new Date(NOW.getTime() + 1_000);

/**
 * For tests about time: after useFixedClock, stops the clock at PAUSED (call before goto), so
 * that it moves only when the test says (`page.clock.runFor`), however slow the machine. The
 * simulator's short delays (the live region's 50 ms) need a `runFor` too.
 */
export async function usePausedClock(page: Page): Promise<void> {
  await page.clock.pauseAt(PAUSED);
}

/**
 * The n-th simulator on the page (0-based), once it is live. Its start screen shows before
 * that (the preview drawn at build, inert), so wait for the element to say it is ready.
 */
export async function simulator(page: Page, index = 0): Promise<Locator> {
  const region = page.getByRole('region', { name: /simulator/i }).nth(index);
  await region.scrollIntoViewIfNeeded();
  // Booted: the live screens replaced the preview (data-ready), so no control is inert any more.
  await expect(region).toHaveAttribute('data-ready', '');
  return region;
}

export function phoneOf(sim: Locator): Locator {
  return sim.getByRole('region', { name: 'Phone' });
}

export async function logIn(sim: Locator): Promise<void> {
  await sim.getByRole('checkbox', { name: "I'm not a robot" }).check();
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
}

export async function setSecurityQuestion(sim: Locator, answer = 'Biscuit'): Promise<void> {
  const form = sim.getByRole('region', { name: 'Security Question' });
  await form.getByLabel('Answer', { exact: true }).fill(answer);
  await form.getByLabel('Confirm Answer').fill(answer);
  await form.getByRole('button', { name: 'Save Changes' }).click();
}

/** Installs Google Authenticator from the store. Needs the page clock (the install takes 1.5 s). */
export async function installAuthenticator(page: Page, sim: Locator): Promise<void> {
  const phone = phoneOf(sim);
  await phone.getByRole('button', { name: 'Play Store' }).click();
  await phone.getByRole('button', { name: 'Install' }).click();
  await page.clock.runFor(2_000);
  await phone.getByRole('button', { name: 'Open' }).click();
}

export async function scanQrWithPhone(sim: Locator): Promise<void> {
  const phone = phoneOf(sim);
  await phone.getByRole('button', { name: 'Add a code' }).click();
  await phone.getByRole('button', { name: 'Scan a QR code' }).click();
  await phone.getByRole('button', { name: 'Scan the QR code on screen' }).click();
}

/** The code the simulated phone shows now ("123 456" -> "123456"). */
export async function phoneCode(sim: Locator, index = 0): Promise<string> {
  const text = await phoneOf(sim).locator('.phone-code').nth(index).textContent();
  return (text ?? '').replace(/\s/g, '');
}

export function enableWindow(sim: Locator): Locator {
  return sim.getByRole('dialog', { name: 'Enable Two-Factor Authentication' });
}

/**
 * "Click here to Enable", then the window's method choice ("Time Based Tokens", already chosen)
 * and "Get Started": the window with the QR code and the code field.
 */
export async function openEnableWindow(sim: Locator): Promise<Locator> {
  await sim.getByRole('button', { name: 'Click here to Enable' }).click();
  const window = enableWindow(sim);
  await expect(window.getByRole('radio', { name: 'Time Based Tokens' })).toBeChecked();
  await window.getByRole('button', { name: 'Get Started' }).click();
  await expect(window.getByRole('img', { name: /QR code/ })).toBeVisible();
  return window;
}

/** Decodes the QR image the enable window shows, as a phone camera would. */
export async function decodeQr(page: Page, sim: Locator): Promise<string> {
  const image = enableWindow(sim).getByRole('img', { name: /QR code/ });
  const pixels = await image.evaluate(async (element: HTMLImageElement) => {
    await element.decode();
    const size = 400;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.imageSmoothingEnabled = false;
    context.drawImage(element, 0, 0, size, size);
    return { data: [...context.getImageData(0, 0, size, size).data], size };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.size, pixels.size);
  expect(decoded, 'the QR code decodes').not.toBeNull();
  void page;
  return decoded!.data;
}

/** A TOTP computed by the test itself (otplib, SHA-1, 6 digits, 30 s), independent of the engine. */
export function totp(secret: string, atMs: number): string {
  return generateSync({ secret, epoch: Math.floor(atMs / 1000) });
}

/** Presses Tab until `target` has focus (keyboard only); fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
