// The oversight view (#16) and change since last time, in headless Chromium: every indicator's
// definition, legal basis and caveat on screen in both languages, the flagged packages in its
// table, what a file without the fields or without packages says; the year-on-year switch in
// the address, the share snippets and a reload; an earlier file of the same series (two
// snapshots generated here) compared figure by figure; an earlier file that fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from './harness.mjs';

let app;
let sample;
/** The sample's 2024 packages dated up to `month`, as a format-v1 file as of that month's end. */
function snapshot(month, asOf) {
  const packages = sample.packages.filter((entry) => entry.fiscal_year === 2024 && entry.month && Number(entry.month.slice(5)) <= month);
  return {
    file: {
      format: 'pantau-pbj', version: 1,
      meta: { ...sample.meta, title: `Paket s.d. ${asOf}`, as_of: asOf, period: { start: '2024-01-01', end: '2024-12-31' }, fiscal_year: 2024 },
      packages,
    },
    // The figures count the stage shown (realisasi): the packages paid by then.
    count: packages.filter((entry) => entry.realisasi != null).length,
  };
}
let q1;
let q2;
before(async () => {
  app = await start();
  sample = JSON.parse(await readFile(new URL('../../data/contoh-paket.json', import.meta.url), 'utf8'));
  q1 = snapshot(3, '2024-03-31');
  q2 = snapshot(6, '2024-06-30');
  const send = (body) => (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  app.fixtures.set('/fixtures/q1.json', send(q1.file));
  app.fixtures.set('/fixtures/q2.json', send(q2.file));
  app.fixtures.set('/fixtures/no-fields.json', send({
    format: 'pantau-pbj', version: 1,
    meta: { title: 'Tanpa metode', publisher: 'Uji', license: 'CC0', as_of: '2024-06-30', period: { start: '2024-01-01', end: '2024-12-31' }, fiscal_year: 2024, currency: 'IDR' },
    packages: [{ unit: 'A', rencana: 150000000 }, { unit: 'B', rencana: 95000000 }],
  }));
  for (const name of ['rup-penyedia.json', 'spse-tender-pengumuman.json', 'spse-nontender-selesai.json', 'spse-peserta-tender.json']) {
    const isb = await readFile(new URL(`../data/isb/${name}`, import.meta.url));
    app.fixtures.set(`/fixtures/${name}`, (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(isb);
    });
  }
});
after(async () => app.stop());

const CAVEAT = {
  id: 'Indikator risiko untuk ditelaah, bukan temuan',
  en: 'A risk indicator to look into, not a finding',
};

test('every indicator says its definition, legal basis and caveat, and its table lists the flagged packages', async () => {
  for (const lang of ['id', 'en']) {
    for (const width of [360, 1000]) {
      const { page, errors, close } = await app.open(`?src=data/contoh-paket.json&view=oversight&lang=${lang}`, { width });
      await page.waitForSelector('.pantau-panel svg');
      const ids = await page.locator('.pantau-panel').evaluateAll((panels) => panels.map((panel) => panel.id));
      assert.deepEqual(ids, ['above-ceiling', 'bunching', 'bunching-units', 'split-packages', 'non-competitive', 'not-reserved',
        'single-bid', 'failed-tenders', 'against-hps', 'concentration', 'repeat-winners', 'year-end'].map((id) => `pantau-panel-${id}`));
      for (const id of ids) {
        const notes = (await page.locator(`#${id} .pantau-note`).allInnerTexts()).join('\n');
        assert.ok(notes.includes(CAVEAT[lang]), `${id}: ${notes}`);
        // Its purpose (APIP's oversight), and never a headline sum of flagged value.
        assert.ok(notes.includes('Pasal 76'), id);
        const facts = await page.locator(`#${id} .pantau-fact-item`).allInnerTexts();
        assert.ok(facts.every((fact) => !/Nilai yang ditandai|Value flagged/.test(fact)), `${id}: ${facts.join(' | ')}`);
        if (!id.endsWith('bunching-units')) {
          assert.match(notes, lang === 'id' ? /Definisi:/ : /Definition:/, id);
          assert.match(notes, /Pasal \d+/, id);
          // Visible, not only in the accessibility tree.
          assert.ok(await page.locator(`#${id} .pantau-note`).first().isVisible(), id);
        }
      }
      const above = (await page.locator('#pantau-panel-above-ceiling .pantau-note').allInnerTexts()).join('\n');
      assert.ok(above.includes('Perpres 46/2025') && above.includes('Pasal 38 ayat (3)'), above);
      assert.ok(above.includes(lang === 'id' ? 'Rp400 jt (sejak 30 April 2025)' : 'IDR 400 million (from 30 April 2025)'), above);
      // The tables: the flagged packages with code, name, unit and why.
      await page.locator('.pantau-display', { hasText: lang === 'id' ? 'Tabel' : 'Table' }).first().click();
      const rows = await page.locator('#pantau-panel-above-ceiling tbody tr').allInnerTexts();
      assert.equal(rows.length, 2, rows.join('\n'));
      assert.match(rows[0], /24039002\s+Rehabilitasi saluran 2024\s+Dinas Pekerjaan Umum/);
      assert.match(rows[0], lang === 'id' ? /di atas batas Rp200 jt/ : /above the ceiling of IDR 200 million/);
      const reserved = await page.locator('#pantau-panel-not-reserved tbody tr').allInnerTexts();
      assert.ok(reserved.some((row) => row.includes(lang === 'id' ? 'alasan: ' : 'reason: ')), reserved.join('\n'));
      const aboveHps = await page.locator('#pantau-panel-against-hps tbody tr').allInnerTexts();
      assert.ok(aboveHps.length > 0 && aboveHps.every((row) => row.includes(lang === 'id' ? 'di atas HPS' : 'above the HPS of')), aboveHps.join('\n'));
      const concentrated = await page.locator('#pantau-panel-concentration tbody tr').allInnerTexts();
      // Each flagged package names its unit's largest supplier and a share above half.
      assert.ok(concentrated.length > 0, 'the 2024 sample has concentrated units');
      for (const row of concentrated) {
        const share = row.match(lang === 'id' ? /pemasok terbesar .+: .+ \((\d+)(?:,\d)?%\)$/ : /largest supplier of .+: .+ \((\d+)(?:\.\d)?%\)$/);
        assert.ok(share && Number(share[1]) >= 50, row);
      }
      const bunched = await page.locator('#pantau-panel-bunching tbody tr').count();
      assert.ok(bunched >= 12, `${bunched} packages just under the ceiling`);
      // Split packages: each listed package names its cluster, its sum and the ceiling.
      const split = await page.locator('#pantau-panel-split-packages tbody tr').allInnerTexts();
      assert.ok(split.length >= 2 && split.some((row) => row.includes('pengawasan ruas jalan')), split.join('\n'));
      for (const row of split) {
        assert.match(row, lang === 'id' ? /kelompok «[a-z ]+»: \d+ paket, Rp[\d,]+ jt terhadap batas Rp100 jt/ : /cluster «[a-z ]+»: \d+ packages, IDR [\d.]+ million against the ceiling of IDR 100 million/);
      }
      // The day and value judged head their columns.
      const headings = await page.locator('#pantau-panel-above-ceiling thead th').allInnerTexts();
      assert.ok(headings.some((heading) => heading.includes(lang === 'id' ? 'Hari yang dinilai' : 'Day judged')), headings.join(' | '));
      assert.ok(headings.some((heading) => heading.includes(lang === 'id' ? 'Nilai yang dinilai' : 'Value judged')), headings.join(' | '));
      assert.deepEqual(errors, []);
      await close();
    }
  }
});

test('the CSV download of an indicator is its list of flagged packages', async () => {
  const { page, close } = await app.open('?src=data/contoh-paket.json&view=oversight&lang=en');
  await page.waitForSelector('.pantau-panel svg');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#pantau-panel-above-ceiling .pantau-download', { hasText: 'CSV' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  assert.match(lines[0], /Code.*Package.*Spending unit.*Flagged because/);
  assert.equal(lines.length, 3, csv);
  assert.ok(lines.some((line) => line.includes('24039002')), csv);
  await close();
});

test('a file without the fields says what each indicator misses; a file of totals says the view needs packages', async () => {
  const { page, errors, close } = await app.open('?src=/fixtures/no-fields.json&view=oversight&lang=en');
  await page.waitForSelector('.pantau-unavailable:not([hidden])');
  const missing = await page.locator('.pantau-unavailable:not([hidden])').allInnerTexts();
  assert.deepEqual(missing, [
    'Cannot be computed: the file gives no procurement method.',
    'Cannot be computed: the file gives no procurement method.',
    'Cannot be computed: the file gives no procurement method.',
    'Cannot be computed: the file gives no procurement method.',
    'Cannot be computed: the file gives no procurement type.',
    'Cannot be computed: the file gives no number of bids (a participant list without offered prices does not tell bidders from registrants).',
    'Cannot be computed: the file gives no tender status (status_tender).',
    'Cannot be computed: the file gives no owner\'s estimate (HPS) with a contract value.',
    'Cannot be computed: the file names no winning supplier with a contract value.',
    'Cannot be computed: the file names no winning supplier with a contract value.',
    'Cannot be computed: the file gives no contract (or order) values with their month.',
  ]);
  assert.equal(await page.locator('.pantau-panel svg').count(), 0);
  assert.deepEqual(errors, []);
  await close();
  const totals = await app.open('?view=oversight&lang=id');
  await totals.page.waitForSelector('.pantau-empty');
  assert.match(await totals.page.locator('.pantau-empty').innerText(), /data per paket/);
  await totals.close();
});

test('a SiRUP export gets the oversight view with its reasons for not reserving packages; SPSE exports their tender indicators', async () => {
  const { page, errors, close } = await app.open('?src=/fixtures/rup-penyedia.json&view=oversight&lang=id');
  await page.waitForSelector('.pantau-panel');
  assert.ok(await page.locator('#pantau-panel-above-ceiling').count());
  assert.ok(await page.locator('#pantau-panel-not-reserved svg').count());
  assert.deepEqual(errors, []);
  await close();
  const notices = await app.open('?src=/fixtures/spse-tender-pengumuman.json&view=oversight&lang=en');
  await notices.page.waitForSelector('#pantau-panel-failed-tenders svg');
  // Failed tenders are counted apart, not flagged: a failure can mean the controls worked.
  assert.equal(await notices.page.locator('#pantau-panel-failed-tenders .pantau-subtitle').innerText(), '1 of 3 packages');
  assert.deepEqual(notices.errors, []);
  await notices.close();
  const finished = await app.open('?src=/fixtures/spse-nontender-selesai.json&view=oversight&lang=en');
  await finished.page.waitForSelector('#pantau-panel-against-hps svg');
  assert.equal(await finished.page.locator('#pantau-panel-against-hps .pantau-subtitle').innerText(), '0 of 3 packages judged flagged to look into');
  assert.deepEqual(finished.errors, []);
  await finished.close();
  // A participant list: each tender's participants with an offer counted as its bidders.
  const participants = await app.open('?src=/fixtures/spse-peserta-tender.json&view=oversight&lang=en');
  await participants.page.waitForSelector('#pantau-panel-single-bid svg');
  assert.equal(await participants.page.locator('#pantau-panel-single-bid .pantau-subtitle').innerText(), '2 of 3 packages judged flagged to look into');
  assert.deepEqual(participants.errors, []);
  await participants.close();
});

test('year on year: the switch lands in the address and the snippets, survives a reload, and gives the change', async () => {
  const { page, errors, close } = await app.open('?src=data/contoh-paket.json&view=local-content&lang=id');
  await page.waitForSelector('.pantau-panel svg');
  await page.getByRole('button', { name: 'Bandingkan dengan 2023' }).click();
  await page.waitForSelector('.pantau-compare table');
  assert.match(page.url(), /compare=previous/);
  const rows = await page.locator('.pantau-compare tbody tr').allInnerTexts();
  assert.equal(rows.length, 3, rows.join('\n'));
  assert.match(rows[0], /^Porsi PDN\s+\d+,\d%\s+\d+,\d%\s+[+−]\d+,\d poin persen$/);
  assert.match(await page.locator('.pantau-compare .pantau-summary').innerText(), /^Dibanding 2023: Porsi PDN: /);
  await page.locator('.pantau-share summary').click();
  const snippets = await page.locator('.pantau-share textarea, .pantau-share input').evaluateAll((fields) => fields.map((field) => field.value).join('\n'));
  assert.match(snippets, /compare=previous|compare="previous"/);
  await page.reload();
  await page.waitForSelector('.pantau-compare table');
  assert.equal(await page.getByRole('button', { name: 'Bandingkan dengan 2023' }).getAttribute('aria-pressed'), 'true');
  // Every view compares; switching off leaves the address.
  for (const view of ['Belanja', 'Indikator risiko']) {
    await page.getByRole('tab', { name: view }).click();
    await page.waitForSelector('.pantau-compare tbody tr');
  }
  await page.getByRole('button', { name: 'Bandingkan dengan 2023' }).click();
  await page.waitForFunction(() => !document.querySelector('.pantau-compare table'));
  assert.doesNotMatch(page.url(), /compare=/);
  assert.deepEqual(errors, []);
  await close();
});

test('an earlier file of the same series: each headline figure then and now, in both languages', async () => {
  for (const lang of ['id', 'en']) {
    const { page, errors, close } = await app.open(`?src=/fixtures/q2.json&compare=/fixtures/q1.json&lang=${lang}`);
    await page.waitForSelector('.pantau-compare table');
    const heading = await page.locator('.pantau-compare th[scope=col]').allInnerTexts();
    assert.deepEqual(heading.slice(1, 3), lang === 'id'
      ? ['Sebelumnya (per 31 Maret 2024)', 'Sekarang (per 30 Juni 2024)']
      : ['Before (as of 31 March 2024)', 'Now (as of 30 June 2024)']);
    const rows = await page.locator('.pantau-compare tbody tr').allInnerTexts();
    const packages = rows.find((row) => row.startsWith(lang === 'id' ? 'Jumlah paket' : 'Number of packages'));
    assert.ok(packages, rows.join('\n'));
    const cells = packages.split('\t');
    assert.deepEqual(cells.slice(1, 3).map(Number), [q1.count, q2.count]);
    assert.ok(cells[3].startsWith(`+${q2.count - q1.count} (`), cells[3]);
    await page.getByRole('tab', { name: lang === 'id' ? 'Indikator risiko' : 'Risk indicators' }).click();
    await page.waitForSelector('.pantau-compare tbody tr');
    assert.ok((await page.locator('.pantau-compare tbody tr').count()) >= 3);
    assert.deepEqual(errors, []);
    await close();
  }
});

test('an earlier file that cannot be loaded says so and leaves the charts', async () => {
  const { page, errors, close } = await app.open('?src=data/contoh-paket.json&compare=/fixtures/missing.json&lang=en');
  await page.waitForSelector('.pantau-compare-failed');
  assert.match(await page.locator('.pantau-compare-failed').innerText(), /^The earlier file cannot be loaded: .*404/);
  assert.ok(await page.locator('.pantau-panel svg').count() > 0);
  const refused = await app.open('?src=data/contoh-paket.json&compare=javascript:alert(1)&lang=en');
  await refused.page.waitForSelector('.pantau-compare-failed');
  assert.ok(await refused.page.locator('.pantau-panel svg').count() > 0);
  await refused.close();
  assert.deepEqual(errors, []);
  await close();
});
