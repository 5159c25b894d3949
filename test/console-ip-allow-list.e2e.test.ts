import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type Browser } from './helpers/chromium.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';

/*
 * Settings → IP allow-list in a real browser (headless Chromium, connecting
 * from 127.0.0.1) against a real gateway: an invalid block is refused by name,
 * a list that excludes the browser needs the lock-out confirmation, a list
 * that includes it is saved and read back, and clearing it restores access.
 */

let gw: TestGateway;
let browser: Browser;

const storedList = async () => (await gw.app.services.auth.organization('default')).ipAllowList;

beforeAll(async () => {
  if (!chromiumAvailable()) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  gw = await startTestGateway();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('console Settings → IP allow-list', () => {
  it('saves, refuses invalid blocks and guards against locking the browser out', async () => {
    const { page } = browser;
    await page.goto(`${gw.baseUrl}/ui/`);
    await page.getByLabel('API key').fill(gw.apiKey);
    await page.getByRole('button', { name: 'Open console' }).click();
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'IP allow-list' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ui/settings/ip-allow-list');
    const blocks = page.getByRole('textbox', { name: 'CIDR blocks' });
    await blocks.waitFor();
    expect(await blocks.inputValue()).toBe('');

    await blocks.fill('127.0.0.1/32\n300.0.0.0/8');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("'300.0.0.0/8' is not a CIDR block");
    expect(await storedList()).toEqual([]);

    await blocks.fill('10.0.0.0/8');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('lock this client out');
    await page.getByRole('checkbox', { name: /Save anyway/ }).waitFor();
    expect(await storedList()).toEqual([]);

    await blocks.fill('10.0.0.0/8\n127.0.0.1');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => blocks.inputValue()).toBe('10.0.0.0/8\n127.0.0.1/32');
    expect(await storedList()).toEqual(['10.0.0.0/8', '127.0.0.1/32']);
    await browser.screenshot('20-ip-allow-list-saved');

    await blocks.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => storedList()).toEqual([]);
  });
});
