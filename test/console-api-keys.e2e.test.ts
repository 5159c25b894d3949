import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type Browser } from './helpers/chromium.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';

/*
 * Settings → API keys in a real browser (headless Chromium) against a real
 * gateway: create a key, see its plaintext once and copy it, use it, revoke
 * it, and see the gateway refuse it. Then the same page signed in with a
 * sandbox admin key, which cannot mint live keys. Screenshots land in
 * test-artifacts/console/.
 */

let gw: TestGateway;
let browser: Browser;

const tracesWith = (key: string) => fetch(`${gw.baseUrl}/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } });

async function signIn(key: string): Promise<void> {
  const { page } = browser;
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
}

beforeAll(async () => {
  if (!chromiumAvailable()) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  gw = await startTestGateway();
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gw.baseUrl });
});

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('console Settings → API keys', () => {
  let plaintext: string;

  it('lists the organization’s keys under Settings', async () => {
    const { page } = browser;
    await page.goto(`${gw.baseUrl}/ui/`);
    await signIn(gw.apiKey);
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ui/settings/api-keys');
    await page.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    const bootstrap = page.locator(`tr[data-key-prefix="${gw.apiKey.slice(0, 13)}"]`);
    await bootstrap.waitFor();
    const cells = await bootstrap.locator('th, td').allTextContents();
    expect(cells[0]).toContain('bootstrap');
    expect(cells[0]).toContain('this console');
    expect(cells.slice(1, 4)).toEqual([`${gw.apiKey.slice(0, 13)}…`, 'readwriteadmin', 'live']);
    expect(cells[6]).toBe('active');
  });

  it('creates a key and shows its plaintext once, with a copy button', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New key' }).click();
    await page.getByLabel('Name').fill('e2e reader');
    await page.getByRole('radio', { name: 'live' }).check();
    await page.getByRole('checkbox', { name: 'read' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('textbox', { name: 'New API key' });
    await shown.waitFor();
    plaintext = await shown.inputValue();
    expect(plaintext).toMatch(/^mtk_live_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(plaintext);
    const row = page.locator(`tr[data-key-prefix="${plaintext.slice(0, 13)}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('read');
    await browser.screenshot('10-api-key-created');

    await page.getByRole('button', { name: 'I have stored the key' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(plaintext);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(plaintext);
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toContain(plaintext);
  });

  it('the new key works, and its first use shows as last used', async () => {
    const res = await tracesWith(plaintext);
    expect(res.status).toBe(200);
    const { page } = browser;
    const lastUsed = page.locator(`tr[data-key-prefix="${plaintext.slice(0, 13)}"] td`).nth(4);
    await expect
      .poll(
        async () => {
          await page.reload();
          return lastUsed.textContent();
        },
        { timeout: 10_000 },
      )
      .toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('revokes the key after a confirmation, and the gateway refuses it from then on', async () => {
    const { page } = browser;
    const row = page.locator(`tr[data-key-prefix="${plaintext.slice(0, 13)}"]`);
    await page.getByRole('button', { name: 'Revoke e2e reader' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke e2e reader?' });
    await dialog.waitFor();
    await browser.screenshot('11-api-key-revoke-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await tracesWith(plaintext)).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke e2e reader' }).click();
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(() => row.locator('td').nth(5).textContent()).toMatch(/^\d{4}-\d{2}-\d{2} /);
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await browser.screenshot('12-api-key-revoked');

    const refused = await tracesWith(plaintext);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect(browser.errors).toEqual([]);
  });

  it('signed in with a sandbox admin key, lists and creates sandbox keys only', async () => {
    const sandbox = (
      await gw.app.services.auth.createKey({ org: 'default', env: 'test', permissions: ['read', 'admin'], name: 'sandbox admin' })
    ).key;
    const { page } = browser;
    await page.getByRole('button', { name: 'Forget API key' }).click();
    await signIn(sandbox);
    await page.goto(`${gw.baseUrl}/ui/settings`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ui/settings/api-keys');
    await page.locator(`tr[data-key-prefix="${sandbox.slice(0, 13)}"]`).waitFor();
    const environments = await page.locator('tr[data-key-id] td:nth-of-type(3)').allTextContents();
    expect(new Set(environments)).toEqual(new Set(['sandbox (test)']));

    await page.getByRole('button', { name: 'New key' }).click();
    expect(await page.getByRole('radio', { name: 'live' }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'sandbox (test)' }).isChecked()).toBe(true);
    await page.getByLabel('Name').fill('sandbox ingest');
    await page.getByRole('checkbox', { name: 'write' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const created = await page.getByRole('textbox', { name: 'New API key' }).inputValue();
    expect(created).toMatch(/^mtk_test_/);
    await browser.screenshot('13-api-key-sandbox');

    // The API refuses what the page does not offer.
    const { body } = await gw.graphql<unknown>('mutation { createApiKey(input: { env: LIVE, permissions: [READ] }) { key } }', {}, sandbox);
    expect(body.errors?.[0]?.extensions?.code).toBe('forbidden');
    expect(browser.errors).toEqual([]);
  });
});
