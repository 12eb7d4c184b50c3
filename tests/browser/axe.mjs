// Crawls Hyte from its navigation in headless Chromium and checks every page with axe-core
// (WCAG 2.1 A and AA rules) in Finnish, Swedish and English; also walks a form flow with
// JavaScript turned off. Exits non-zero on any violation. Run by crates/hyte/tests/browser.rs.
//
//   HYTE_BASE=http://127.0.0.1:8080 HYTE_EMAIL=admin@kuopio.example HYTE_PASSWORD=… node axe.mjs

import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.env.HYTE_BASE;
const email = process.env.HYTE_EMAIL;
const password = process.env.HYTE_PASSWORD;
const shots = process.env.HYTE_SCREENSHOTS || new URL('./screenshots/', import.meta.url).pathname;
if (!base || !email || !password) throw new Error('set HYTE_BASE, HYTE_EMAIL and HYTE_PASSWORD');
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let failures = 0;
const fail = (msg) => { failures++; console.error('FAIL ' + msg); };

async function axe(page, label) {
  // Injected through the DevTools protocol, so the page keeps its real CSP.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  for (const v of result.violations) {
    fail(`${label}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('\n    ')}`);
  }
  return result.violations.length;
}

async function login(page, who = email) {
  await page.goto(base + '/login');
  await page.fill('#login-email', who);
  await page.fill('#login-password', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

// Pages are grouped by route shape; three of each are enough.
function shape(path) {
  return path.replace(/^\/areas\/([^/]+)\/[^/?]+/, '/areas/$1/*').replace(/\/duties\/[a-z_]+/, '/duties/*')
    .replace(/\/\d+/g, '/{id}').split('?')[0];
}

async function crawl(page) {
  const seen = new Map(); // shape -> count
  const visited = [];
  const queue = ['/'];
  const done = new Set();
  while (queue.length && visited.length < 200) {
    const path = queue.shift();
    if (done.has(path)) continue;
    done.add(path);
    const s = shape(path);
    if ((seen.get(s) || 0) >= 3) continue;
    seen.set(s, (seen.get(s) || 0) + 1);
    const res = await page.goto(base + path);
    if (!res || res.status() >= 400) { fail(`GET ${path} -> ${res && res.status()}`); continue; }
    const finalPath = new URL(page.url()).pathname + new URL(page.url()).search;
    visited.push(finalPath);
    const links = await page.$$eval('a[href]', as => as.map(a => a.getAttribute('href')));
    for (const href of links) {
      if (!href || !href.startsWith('/') || href.startsWith('//')) continue;
      if (/^\/(lang|logout|api|static)\b/.test(href) || href.startsWith('/#') || /[?&]format=/.test(href) || /\/(document|export)$/.test(href) || /\.csv$/.test(href)) continue;
      queue.push(href.split('#')[0]);
    }
  }
  return visited;
}

// Each path in Finnish, Swedish and English: it answers, and axe finds nothing.
async function axeInLanguages(page, paths) {
  for (const lang of ['fi', 'sv', 'en']) {
    for (const path of paths) {
      const res = await page.goto(`${base}/lang/${lang}?next=${encodeURIComponent(path)}`);
      if (!res || res.status() >= 400) fail(`GET ${path} -> ${res && res.status()}`);
      await axe(page, `${lang} ${path}`);
    }
  }
}

// The county's organisation page, for its user on the page `/org` just led to.
async function countyOrg(page) {
  return /^\/orgs\/\d+$/.test(new URL(page.url()).pathname) ? new URL(page.url()).pathname
    : await page.$$eval('main a[href]', as => as.filter(a => a.textContent.includes('Pohjois-Savon hyvinvointialue'))
      .map(a => a.getAttribute('href')).find(h => /^\/orgs\/\d+$/.test(h)));
}

// 0. The checker itself finds known problems (an image without alt text, a page without lang).
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.setContent('<html><head><title>x</title></head><body><main><img src="x.png"></main></body></html>');
  await page.evaluate(axeSource);
  const r = await page.evaluate(async () => await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a'] } }));
  const ids = r.violations.map(v => v.id);
  if (!ids.includes('image-alt') || !ids.includes('html-has-lang')) fail(`axe self-test found only ${ids}`);
  await ctx.close();
}

// 1. Anonymous visitor: public pages, the login form with errors, an error page.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const path of ['/', '/areas', '/areas/wellbeing_county/13', '/accessibility', '/login']) {
    await page.goto(base + path);
    await axe(page, `anonymous ${path}`);
  }
  await page.goto(base + '/login');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  if (!(await page.$('.error-summary'))) fail('login with empty fields shows an error summary');
  await axe(page, 'login form with errors');
  await page.screenshot({ path: shots + 'login-errors.png', fullPage: true });
  await page.goto(base + '/areas/municipality/000');
  await axe(page, 'not found page');
  await ctx.close();
}

// 1b. Imports run as jobs: with JavaScript the progress updates by itself, without it the
// "refresh" link shows it. A good file is imported, a broken one rejected (axe runs with
// JavaScript on, as it needs it).
const goodCsv = 'indicator;region;year;gender;primary value;absolute value\n5;2;2019;total;6.5;279\n';
const brokenCsv = 'indicator;region;year;gender;primary value\n5;2;2019;total;x\n';
async function upload(page, name, csv) {
  await page.goto(base + '/org');
  await page.goto(base + new URL(page.url()).pathname + '/import');
  await page.setInputFiles('#import-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await Promise.all([page.waitForNavigation(), page.click('form[enctype] button[type=submit]')]);
}
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page);
  for (const [name, csv, outcome] of [['selain.csv', goodCsv, '.success'], ['rikki.csv', brokenCsv, '.alert']]) {
    await upload(page, name, csv);
    await page.waitForSelector(outcome, { timeout: 30000 });
    await axe(page, `import job ${name}`);
  }
  await ctx.close();
}
{
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await login(page);
  await upload(page, 'rikki.csv', brokenCsv);
  for (let i = 0; i < 300 && (await page.$('#import-progress')); i++) {
    await Promise.all([page.waitForNavigation(), page.click('a[data-refresh]')]);
  }
  if (!(await page.$('.alert'))) fail('no-JS: a broken import is shown as rejected');
  await ctx.close();
}

// 1c. The report for the new council term: created from its form, its plan shaped.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page);
  await page.goto(base + '/org');
  await page.goto(base + new URL(page.url()).pathname + '/reports');
  await page.fill('#new-term', '2025–2029');
  await page.fill('#new-title', 'Hyvinvointikertomus 2025–2029');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/reports"] button[type=submit]')]);
  const reportPath = new URL(page.url()).pathname;
  await page.goto(base + reportPath + '/plan');
  await page.fill('#priority-title', 'Liikkuminen');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/plan/priorities"] button[type=submit]')]);
  const priority = await page.$eval('.priority h3', h => h.textContent).catch(() => '');
  if (!priority.includes('Liikkuminen')) fail('the new priority is shown on the plan');
  await axe(page, 'plan with its forms');
  await page.fill('#goal-title', 'Liikkuminen lisääntyy');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/plan/goals"] button[type=submit]')]);
  await page.fill('#measure-title', 'Liikuntaneuvonta');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/plan/measures"] button[type=submit]')]);
  // Editing a goal: several targets, an error tied to its row.
  await page.click('a[href*="/plan/goals/"][href$="/edit"]');
  await page.waitForSelector('#target-0-indicator_id');
  await page.fill('#target-0-baseline_year', '2020');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/edit"] button[type=submit]')]);
  if (!(await page.$('#target-0-indicator_id-error'))) fail('a goal target with missing fields shows its errors');
  await axe(page, 'goal form with errors');
  await page.goto(base + reportPath);
  await axe(page, 'draft report with its workflow');
  // Choosing an indicator section's indicators by theme: the chooser with its results.
  const sectionLinks = [...new Set(await page.$$eval('a[href*="/sections/"]', as => as.map(a => a.getAttribute('href').split('#')[0])))];
  // THL's municipal example structure: summary, background, previous term, population (the 4th).
  const population = sectionLinks.find(h => /\/sections\/\d+$/.test(h) && sectionLinks.indexOf(h) === 3);
  await page.goto(base + population + '?theme=liikunta');
  if (!(await page.$('input[name=add]'))) fail('the indicator chooser lists the theme\'s indicators');
  await axe(page, 'indicator chooser with results');
  // The organisation's default structure: an error tied to its row.
  await page.goto(base + reportPath.replace(/\/reports\/\d+$/, '/report-structure'));
  await page.fill('#structure-0-title_fi', '');
  await Promise.all([page.waitForNavigation(), page.click('main form[action$="/report-structure"] button[type=submit]')]);
  if (!(await page.$('#structure-0-title_fi-error')) || !(await page.$('.error-summary'))) fail('an empty section title shows its error');
  await axe(page, 'default structure with errors');
  await ctx.close();
}

// 1d. Impact assessment without JavaScript: a proposal registered (an empty form first), an IVA
// started, the affected groups chosen, one alternative rated; then, with JavaScript (axe needs
// it), the hearing form with its errors.
let assessmentPath = '';
{
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await login(page);
  await page.goto(base + '/org');
  const orgPath = new URL(page.url()).pathname;
  await page.goto(base + orgPath + '/decisions');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/decisions"] button[type=submit]')]);
  if (!(await page.$('#new-title-error'))) fail('no-JS: an empty proposal shows an error next to the title');
  await page.fill('#new-title', 'Kyläkoulun lakkauttaminen');
  await page.fill('#new-preparer', 'Opetusjohtaja');
  await page.fill('#new-planned_on', '2026-11-20');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/decisions"] button[type=submit]')]);
  if ((await page.$$('section[aria-labelledby="assessments-title"] li .sig')).length !== 2) fail('no-JS: the proposal says it needs an IVA and a LAVA');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/assessments"] button[type=submit]')]);
  assessmentPath = new URL(page.url()).pathname;
  await page.check('#group-0');
  await page.check('#group-4');
  await Promise.all([page.waitForNavigation(), page.click('form:has(#group-0) button[type=submit]')]);
  await Promise.all([page.waitForNavigation(), page.click('a[href*="/rate/"]')]);
  await page.selectOption('#s-0-0', '-2');
  await page.fill('#j-0-0', 'Koulumatka pitenee');
  await Promise.all([page.waitForNavigation(), page.click('form.rating-form button[type=submit]')]);
  if (!(await page.content()).includes('Koulumatka pitenee')) fail('no-JS: the rating is shown side by side');
  await page.goto(base + orgPath + '/groups');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/groups"] button[type=submit]')]);
  if (!(await page.$('#new-name-error'))) fail('no-JS: an empty group name shows an error next to the field');
  await page.fill('#new-name', 'Selainkokeen ryhmä');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/groups"] button[type=submit]')]);
  await page.fill('#meeting-held_on', '2026-12-01');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/meetings"] button[type=submit]')]);
  await page.fill('#agreement-what', 'Kokoaa toimintakalenterin');
  await page.fill('#agreement-who', 'Koordinaattori');
  await page.fill('#agreement-due_on', '2027-01-15');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/agreements"] button[type=submit]')]);
  if (!(await page.content()).includes('Kokoaa toimintakalenterin')) fail('no-JS: the agreement is listed');
  await ctx.close();
}
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page);
  await page.goto(base + assessmentPath);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/participants"] button[type=submit]')]);
  if (!(await page.$('.error-summary'))) fail('an empty hearing shows an error summary');
  await axe(page, 'assessment hearing form with errors');
  await ctx.close();
}

// 1e. NGO partners without JavaScript: the demo NGO adds a peer-support group (an empty form
// first), and an anonymous resident finds it by searching in Swedish with a filter; then, with
// JavaScript (axe needs it), the directory's results and the activity form with its errors.
{
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#login-email', 'jarjesto@vertaistuki.example');
  await page.fill('#login-password', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await page.goto(base + '/org');
  const orgPath = new URL(page.url()).pathname;
  await page.goto(base + orgPath + '/activities');
  await page.uncheck('#new-languages');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/activities"] button[type=submit]')]);
  if (!(await page.$('#new-title_fi-error')) || !(await page.$('#new-languages-error'))) fail('no-JS: an empty activity shows errors next to the name and the languages');
  await page.fill('#new-title_sv', 'Kamratstödsgrupp för änkor');
  await page.fill('#new-schedule', 'Onsdagar 13–15');
  await page.fill('#new-contact', 'jarjesto@vertaistuki.example');
  await page.check('#new-language-sv');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/activities"] button[type=submit]')]);
  if (!/\/activities\/\d+$/.test(new URL(page.url()).pathname)) fail('no-JS: the new activity is saved');
  const resident = await browser.newContext({ javaScriptEnabled: false });
  const rpage = await resident.newPage();
  await rpage.goto(base + '/activities');
  await rpage.fill('#f-q', 'kamratstöd änkor');
  await rpage.selectOption('#f-lang', 'sv');
  await Promise.all([rpage.waitForNavigation(), rpage.click('form[role=search] button[type=submit]')]);
  if (!(await rpage.content()).includes('Kamratstödsgrupp för änkor')) fail('no-JS: a resident finds the group searching in Swedish');
  await resident.close();
  await ctx.close();
}
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + '/activities?q=kamratst%C3%B6d');
  await axe(page, 'directory search results');
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: shots + 'directory-phone.png', fullPage: true });
  await login(page);
  await page.goto(base + '/org');
  await page.goto(base + new URL(page.url()).pathname + '/activities');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/activities"] button[type=submit]')]);
  if (!(await page.$('.error-summary'))) fail('an empty activity shows an error summary');
  await axe(page, 'activity form with errors');
  await ctx.close();
}

// 1d. An invitation: Kuopio's admin invites the county's coordinator, who meets it after login,
// in three languages, and accepts it.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page);
  await page.goto(base + '/org');
  await page.goto(base + new URL(page.url()).pathname + '/users');
  await page.fill('#add-email', 'hyte@pohjois-savo.example');
  await page.fill('#add-display_name', 'Heli Heikkinen');
  await page.fill('#add-password', 'joku pitkä lause');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/users"] button[type=submit]')]);
  await axe(page, 'users with an invitation waiting');
  const invited = await browser.newContext();
  const heli = await invited.newPage();
  await login(heli, 'hyte@pohjois-savo.example');
  if (!heli.url().endsWith('/invitations')) fail('an invitation is shown first after login');
  for (const lang of ['fi', 'sv', 'en']) {
    await heli.goto(`${base}/lang/${lang}?next=/invitations`);
    await axe(heli, `${lang} invitations`);
  }
  await Promise.all([heli.waitForNavigation(), heli.click('button[value=accept]')]);
  if (!/\/orgs\/\d+$/.test(new URL(heli.url()).pathname)) fail('accepting opens the organisation');
  await invited.close();
  await ctx.close();
}

// 1f. The county's services room and the provider's side: every page, reached from the
// navigation, in three languages; the provider reports a quarter without JavaScript.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const firstLink = async (re) => {
    const hrefs = await page.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')));
    return hrefs.find(h => re.test(h));
  };
  // Logs in, opens each list page of the organisation and the first item linked from it (and
  // from that item, the first link matching `deeper`); returns the paths seen.
  const visit = async (who, orgName, navLink, steps) => {
    await login(page, who);
    await page.goto(base + '/lang/fi?next=/org');
    const hrefs = await page.$$eval('main a[href]', (as, name) => as.filter(a => a.textContent.includes(name))
      .map(a => a.getAttribute('href')), orgName);
    const org = /^\/orgs\/\d+$/.test(new URL(page.url()).pathname)
      ? new URL(page.url()).pathname : hrefs.find(h => /^\/orgs\/\d+$/.test(h));
    if (!org) { fail(`${who}: no link to ${orgName}`); return []; }
    await page.goto(base + org);
    if (!(await firstLink(navLink))) fail(`${who}: the organisation's navigation has no ${navLink} link`);
    const seen = [];
    for (const [list, item, deeper] of steps) {
      const res = await page.goto(base + org + '/' + list);
      if (!res || res.status() >= 400) { fail(`${who}: GET ${list} -> ${res && res.status()}`); continue; }
      seen.push(org + '/' + list);
      const next = await firstLink(item);
      if (!next) { fail(`${who}: no link matching ${item} on ${list}`); continue; }
      seen.push(next);
      if (deeper) {
        await page.goto(base + next);
        const more = await firstLink(deeper);
        if (!more) fail(`${who}: no link matching ${deeper} on ${next}`); else seen.push(more);
      }
    }
    return seen;
  };
  const county = await visit('hyte@pohjois-savo.example', 'Pohjois-Savon hyvinvointialue', /\/services$/, [
    ['services', /\/services\/\d+$/], ['providers', /\/providers\/\d+$/],
    ['contracts', /\/contracts\/\d+$/, /\/criteria\/\d+$/], ['strategies', /\/strategies\/\d+$/]]);
  await axeInLanguages(page, county);
  await ctx.clearCookies();
  const provider = await visit('raportoija@terveyspalvelut.example', 'Savon Terveyspalvelut', /\/provider-contracts$/, [
    ['provider-contracts', /\/provider-contracts\/\d+$/]]);
  for (const lang of ['fi', 'sv', 'en']) {
    for (const path of provider) {
      await page.goto(`${base}/lang/${lang}?next=${encodeURIComponent(path)}`);
      await axe(page, `${lang} ${path}`);
    }
  }
  await ctx.close();
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await login(p2, 'raportoija@terveyspalvelut.example');
  await p2.goto(base + provider[provider.length - 1]);
  const period = await p2.$('input[id^=period-]');
  if (!period) fail('no-JS: the provider sees a report form');
  else {
    const id = (await period.getAttribute('id')).slice('period-'.length);
    await p2.fill(`#period-${id}`, '2026-Q3');
    await p2.fill(`#value-${id}`, '81');
    await Promise.all([p2.waitForNavigation(), p2.click('form[action$="' + provider[provider.length - 1] + '"] button[type=submit]')]);
    if (!p2.url().endsWith('#monitoring')) fail(`no-JS: the report is saved (at ${p2.url()})`);
  }
  await nojs.close();
}

// 1g. Interface services: the county (a lead) reaches every page of the room from the navigation,
// in three languages; a partner (Kuopio) edits its own step without JavaScript; a resident finds
// the published chain in Swedish without JavaScript.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, 'hyte@pohjois-savo.example');
  await page.goto(base + '/lang/fi?next=/org');
  // The county's own page (its coordinator may also belong to Kuopio by now: pick by name).
  const org = await countyOrg(page);
  await page.goto(base + org);
  const links = async () => page.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')));
  if (!(await links()).some(h => /\/interface$/.test(h))) fail('the organisation navigation links to interface services');
  await page.goto(base + org + '/interface');
  const service = (await links()).find(h => /\/interface\/\d+$/.test(h));
  const paths = [org + '/interface', org + '/agreements', org + '/interface/coordination'];
  if (!service) fail('the county sees an interface service'); else {
    paths.push(service);
    await page.goto(base + service);
    for (const re of [/\/steps\/\d+$/, /\/work$/, /\/monitoring$/]) {
      const h = (await links()).find(x => re.test(x));
      if (!h) fail(`no link matching ${re} on ${service}`); else paths.push(h);
    }
  }
  await page.goto(base + org + '/agreements');
  const agreement = (await links()).find(h => /\/agreements\/\d+$/.test(h));
  if (!agreement) fail('the county sees its cooperation agreement'); else paths.push(agreement);
  await axeInLanguages(page, paths);
  await ctx.close();
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await login(p2, 'koordinaattori@kuopio.example');
  await p2.goto(base + '/org');
  const korg = new URL(p2.url()).pathname;
  await p2.goto(base + korg + '/interface');
  const chain = (await p2.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')))).find(h => /\/interface\/\d+$/.test(h));
  if (!chain) fail('no-JS: Kuopio sees the shared chain'); else {
    await p2.goto(base + chain);
    const own = (await p2.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')))).find(h => /\/steps\/\d+$/.test(h));
    if (!own) fail('no-JS: Kuopio may edit its own step'); else {
      await p2.goto(base + own);
      await p2.fill('#step-wait_days', '10');
      await Promise.all([p2.waitForNavigation(), p2.click('main form button[type=submit]')]);
      if (!p2.url().includes('#chain')) fail(`no-JS: the step is saved (at ${p2.url()})`);
    }
  }
  const resident = await browser.newContext({ javaScriptEnabled: false });
  const rpage = await resident.newPage();
  await rpage.goto(base + '/lang/sv?next=/interface-services');
  await rpage.fill('#f-q', 'motionsrådgivning');
  await Promise.all([rpage.waitForNavigation(), rpage.click('form[role=search] button[type=submit]')]);
  const hit = (await rpage.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')))).find(h => /^\/interface-services\/\d+$/.test(h));
  if (!hit) fail('no-JS: a resident finds the physical-activity chain in Swedish'); else {
    // (axe needs JavaScript: the public pages are checked in the crawl below.)
    await rpage.goto(base + hit);
    if (!(await rpage.content()).includes('<svg')) fail('no-JS: the public chain shows its diagram');
  }
  await resident.close();
  await nojs.close();
}

// 1h. Support to municipalities: the county reaches every page of the room from the navigation
// (survey, heat map, plan, action, negotiation, reports received, practices), in three languages,
// and the same pages answer without JavaScript.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, 'hyte@pohjois-savo.example');
  await page.goto(base + '/lang/fi?next=/org');
  const org = await countyOrg(page);
  await page.goto(base + org);
  const links = async () => page.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')));
  if (!(await links()).some(h => /\/support$/.test(h))) fail('the organisation navigation links to the support room');
  const paths = [];
  // From each page, the first link matching each pattern.
  const follow = async (from, res) => {
    await page.goto(base + from);
    const found = [];
    for (const re of res) {
      const h = (await links()).find(x => re.test(x));
      if (!h) fail(`no link matching ${re} on ${from}`); else { paths.push(h); found.push(h); }
    }
    return found;
  };
  paths.push(org + '/support');
  const [survey] = await follow(org + '/support', [/\/support\/surveys\/\d+$/, /\/support\/plans$/, /\/negotiations$/,
    /\/support\/reports$/, /\/practices$/]);
  if (survey) await follow(survey, [/\/heatmap$/]);
  const [plan] = await follow(org + '/support/plans', [/\/support\/plans\/\d+$/]);
  if (plan) await follow(plan, [/\/actions\/\d+$/]);
  await follow(org + '/negotiations', [/\/negotiations\/\d+$/]);
  await follow(org + '/support/reports', [/\/sent-reports\/\d+$/]);
  await follow(org + '/practices', [/\/practices\/\d+$/]);
  await axeInLanguages(page, paths);
  await ctx.close();
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await login(p2, 'hyte@pohjois-savo.example');
  for (const path of paths) {
    const res = await p2.goto(base + path);
    if (!res || res.status() >= 400) fail(`without JavaScript: GET ${path} -> ${res && res.status()}`);
    if (!(await p2.$('main h1'))) fail(`without JavaScript: ${path} has no heading`);
  }
  await nojs.close();
}

// 1i. The HYTE coefficient: Kuopio's coordinator reaches the overview, the simulator, the saved
// scenario and TEAviisari from the navigation, the county its municipalities side by side, anyone
// the models; every page in three languages. With JavaScript the simulator answers while typing;
// without it the plain form answers the same.
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, 'koordinaattori@kuopio.example');
  await page.goto(base + '/lang/fi?next=/org');
  const org = new URL(page.url()).pathname;
  const links = async () => page.$$eval('main a[href]', as => as.map(a => a.getAttribute('href')));
  if (!(await links()).some(h => h === org + '/coefficient')) fail('the organisation navigation links to the coefficient');
  const paths = ['/coefficient', org + '/coefficient'];
  await page.goto(base + org + '/coefficient');
  const all = await links();
  for (const re of [/\/coefficient\/simulator(\?|$)/, /\/coefficient\/scenarios\/\d+$/, /\/coefficient\/teaviisari$/, /^\/coefficient\/models\/\d+$/]) {
    const h = all.find(x => re.test(x));
    if (!h) fail(`no link matching ${re} on the coefficient page`); else paths.push(h);
  }
  const sim = paths.find(p => /simulator/.test(p));
  if (sim) {
    await page.goto(base + sim);
    const before = await page.textContent('#sim-total-after');
    await page.fill('#amt-diabetes', '5');
    await page.waitForFunction(b => document.querySelector('#sim-total-after') && document.querySelector('#sim-total-after').textContent !== b, before, { timeout: 5000 })
      .catch(() => fail('the simulator answers while typing'));
  }
  await axeInLanguages(page, paths);
  await ctx.close();
  const county = await browser.newContext();
  const cp = await county.newPage();
  await login(cp, 'hyte@pohjois-savo.example');
  await cp.goto(base + '/lang/fi?next=/org');
  const corg = await countyOrg(cp);
  await axeInLanguages(cp, [corg + '/coefficient', corg + '/coefficient/municipalities']);
  await county.close();
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await login(p2, 'koordinaattori@kuopio.example');
  if (sim) {
    await p2.goto(base + sim);
    await p2.fill('#amt-diabetes', '5');
    await Promise.all([p2.waitForNavigation(), p2.click('#simulator button[type=submit]')]);
    if (!/amt_diabetes=5/.test(p2.url())) fail('without JavaScript: the simulator form submits its changes');
    if (!(await p2.$('#sim-total-after'))) fail('without JavaScript: the simulator answers');
  }
  await nojs.close();
}

// 2. Logged-in admin: crawl everything reachable from the navigation, in three languages.
const required = ['/', '/areas', '/accessibility', '/orgs/{id}', '/orgs/{id}/users', '/orgs/{id}/users/{id}',
  '/orgs/{id}/sectors', '/orgs/{id}/sectors/{id}', '/orgs/{id}/audit', '/areas/municipality/*', '/orgs/{id}/import', '/orgs/{id}/import/{id}',
  '/indicators', '/indicators/{id}', '/areas/municipality/*/profile', '/indicators/{id}/across', '/indicators/{id}/series/municipality/{id}',
  '/reports', '/reports/{id}', '/orgs/{id}/reports', '/orgs/{id}/reports/{id}', '/orgs/{id}/reports/{id}/sections/{id}',
  '/orgs/{id}/reports/{id}/versions/{id}', '/orgs/{id}/reports/{id}/plan',
  '/orgs/{id}/reports/{id}/suggest', '/regional/{id}', '/orgs/{id}/reports/{id}/diff',
  '/orgs/{id}/decisions', '/orgs/{id}/decisions/stats', '/orgs/{id}/decisions/{id}', '/orgs/{id}/decisions/{id}/summary',
  '/orgs/{id}/decisions/{id}/assessments/{id}', '/orgs/{id}/decisions/{id}/assessments/{id}/rate/{id}',
  '/orgs/{id}/assessment-settings', '/orgs/{id}/assessment-settings/templates/{id}', '/orgs/{id}/assessment-settings/templates/new',
  '/orgs/{id}/reports/{id}/plan/priorities/{id}/edit', '/orgs/{id}/reports/{id}/plan/priorities/{id}/delete',
  '/orgs/{id}/reports/{id}/plan/goals/{id}/edit', '/orgs/{id}/reports/{id}/plan/goals/{id}/delete',
  '/orgs/{id}/reports/{id}/plan/measures/{id}/edit', '/orgs/{id}/reports/{id}/plan/measures/{id}/delete',
  '/orgs/{id}/report-structure',
  '/orgs/{id}/cooperation', '/orgs/{id}/cooperation/duties/*', '/orgs/{id}/groups', '/orgs/{id}/groups/{id}',
  '/orgs/{id}/groups/{id}/meetings/{id}', '/orgs/{id}/contacts', '/orgs/{id}/staircase', '/orgs/{id}/timeline',
  '/orgs/{id}/timeline/{id}',
  '/activities', '/activities/{id}', '/premises', '/orgs/{id}/activities', '/orgs/{id}/activities/{id}', '/orgs/{id}/partners',
  '/orgs/{id}/partners/{id}', '/orgs/{id}/grants', '/orgs/{id}/grants/{id}', '/orgs/{id}/premises', '/orgs/{id}/premises/{id}',
  '/orgs/{id}/interface', '/orgs/{id}/interface/{id}', '/orgs/{id}/interface/{id}/steps/{id}', '/orgs/{id}/interface/{id}/work',
  '/orgs/{id}/interface/{id}/monitoring', '/orgs/{id}/interface/coordination', '/orgs/{id}/agreements', '/orgs/{id}/agreements/{id}',
  '/interface-services', '/interface-services/{id}', '/indicator-sets', '/indicator-sets/{id}', '/orgs/{id}/indicator-sets',
  '/practices', '/practices/{id}', '/orgs/{id}/practices', '/orgs/{id}/practices/{id}',
  '/orgs/{id}/support', '/orgs/{id}/support/surveys/{id}', '/orgs/{id}/support/plans',
  '/orgs/{id}/negotiations', '/orgs/{id}/negotiations/{id}', '/orgs/{id}/support/reports', '/orgs/{id}/sent-reports/{id}'];
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page);
  const pages = await crawl(page);
  const shapes = new Set(pages.map(shape));
  for (const r of required) if (!shapes.has(r)) fail(`page ${r} is not reachable from the navigation`);
  console.log(`crawled ${pages.length} pages: ${[...shapes].join(', ')}`);
  for (const lang of ['fi', 'sv', 'en']) {
    await page.goto(`${base}/lang/${lang}?next=/`);
    for (const path of pages) {
      await page.goto(base + path);
      const htmlLang = await page.getAttribute('html', 'lang');
      if (htmlLang !== lang) fail(`${path}: html lang is ${htmlLang}, expected ${lang}`);
      await axe(page, `${lang} ${path}`);
    }
  }
  await page.goto(`${base}/lang/fi?next=/`);
  for (const [name, path] of [['front', '/'], ['area', '/areas/municipality/297'], ['users', pages.find(p => /\/users$/.test(p))]]) {
    await page.goto(base + path);
    await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(base + '/areas/municipality/297');
  await page.screenshot({ path: `${shots}area-phone.png`, fullPage: false });
  await page.emulateMedia({ media: 'print' });
  const navShown = await page.isVisible('.main-nav');
  if (navShown) fail('print stylesheet hides the navigation');
  await ctx.close();
}

// 3. Without JavaScript: log in, add a sector with a validation error first, then correctly.
{
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await login(page);
  await page.goto(base + '/org');
  const orgPath = new URL(page.url()).pathname;
  await page.goto(base + orgPath + '/sectors');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/sectors"] button[type=submit]')]);
  if (!(await page.$('#add-name_fi-error'))) fail('no-JS: an empty sector name shows an error next to the field');
  await page.fill('#add-name_fi', 'Selainkoe');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/sectors"] button[type=submit]')]);
  if (!(await page.content()).includes('Selainkoe')) fail('no-JS: the new sector is listed');
  await ctx.close();
}

await browser.close();
if (failures) {
  console.error(`${failures} accessibility or navigation failure(s)`);
  process.exit(1);
}
console.log('axe-core: 0 violations');
