// dashboard.mjs BASE_URL TOKEN: the dashboard in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core): loads with no console errors,
// the timeline chart draws points, and an article POSTed while the page is
// open shows its events in the live feed within 2 seconds (FEED_MS milliseconds when set:
// tests/cli/browser.sh gives the server more under valgrind, which runs it 20-50 times slower).
import { createRequire } from 'node:module';

// playwright-core is installed with the dashboard's packages (web/node_modules)
const require = createRequire(process.cwd() + '/package.json');
const { chromium } = require('playwright-core');

const [base, token] = process.argv.slice(2);
const fail = (msg) => { console.error('FAIL: ' + msg); process.exit(1); };
const feedMs = Number(process.env.FEED_MS || 2000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const errors = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForSelector('#status.on', { timeout: 5000 });
  // the chart of the most active dyad draws its days
  await page.waitForFunction(() => Number(document.getElementById('chart').dataset.points || 0) > 0, null, { timeout: 5000 })
    .catch(() => fail('the timeline chart drew no points'));
  const before = await page.locator('#feed li').count();
  const t0 = Date.now();
  const r = await fetch(base + '/api/articles', {
    method: 'POST', headers: { Authorization: 'Bearer ' + token },
    body: JSON.stringify({ id: 'browser-1', date: '2024-02-02', text: 'Russian forces shelled the Ukrainian city of Kharkiv on Thursday, killing three civilians.' }),
  });
  if (r.status !== 202) fail('POST returned ' + r.status);
  await page.waitForFunction((n) => document.querySelectorAll('#feed li').length > n, before, { timeout: feedMs })
    .catch(() => fail(`the posted article did not reach the feed within ${feedMs} ms`));
  const ms = Date.now() - t0;
  // the article view opens with highlighted spans
  await page.locator('#feed li').first().click();
  await page.waitForSelector('#article-box:not([hidden]) mark', { timeout: 3000 }).catch(() => fail('article view has no highlights'));
  if (errors.length) fail('console errors: ' + errors.join(' | '));
  await page.screenshot({ path: process.env.SCREENSHOT || '/tmp/newsevents-dashboard.png', fullPage: true });
  console.log(`dashboard: ok (posted event shown after ${ms} ms)`);
} finally {
  await browser.close();
}
