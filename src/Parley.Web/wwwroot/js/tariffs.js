// Tariff explorer: search lines, then a line's rate and breakdown, its timeline as a step chart, and the partner's
// import-weighted effective rate over time with authorities stacked. All text goes in as textContent.
(function () {
  const err = document.getElementById('tariff-error');
  const pct = v => (100 * v).toFixed(2) + '%';
  const v = id => document.getElementById(id).value.trim();
  const cell = (tr, text, cls) => { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; };
  async function get(url) {
    const r = await fetch(url);
    const j = await r.json();
    if (!r.ok) throw new Error(j.error);
    return j;
  }
  const timeline = echarts.init(document.getElementById('timeline-chart'));
  const etr = echarts.init(document.getElementById('etr-chart'));
  window.parleyTariffs = { timeline, etr };

  async function search() {
    err.textContent = '';
    try {
      const j = await get('/api/tariffs/search?q=' + encodeURIComponent(v('q')));
      const body = document.querySelector('#lines tbody');
      body.replaceChildren();
      for (const line of j.lines) {
        const tr = document.createElement('tr');
        cell(tr, line.hts); cell(tr, line.description); cell(tr, pct(line.mfn_rate), 'num');
        const b = document.createElement('button'); b.type = 'button'; b.className = 'secondary'; b.textContent = 'Show'; b.setAttribute('aria-label', 'Show ' + line.hts);
        b.addEventListener('click', () => show(line.hts));
        cell(tr, '').appendChild(b);
        body.appendChild(tr);
      }
      document.getElementById('lines').hidden = false;
      if (j.lines.length === 0) err.textContent = 'No line matches "' + v('q') + '".';
      else await show(j.lines[0].hts);
    } catch (e) { err.textContent = e.message; }
    await etrChart();
  }

  async function show(hts) {
    err.textContent = '';
    try {
      const q = `country=${encodeURIComponent(v('partner'))}&hts=${encodeURIComponent(hts)}`;
      const rate = await get(`/api/tariffs/rate?date=${encodeURIComponent(v('date'))}&${q}`);
      document.getElementById('rate-heading').textContent = `${rate.hts} from ${rate.partner.name} on ${rate.date}: ${pct(rate.total_rate)}`;
      const body = document.querySelector('#breakdown tbody');
      body.replaceChildren();
      for (const c of rate.components) {
        const tr = document.createElement('tr');
        cell(tr, c.authority); cell(tr, c.measure_id); cell(tr, pct(c.rate), 'num'); cell(tr, c.explanation); cell(tr, c.heading || '');
        body.appendChild(tr);
      }
      document.getElementById('line').hidden = false; // visible before drawing, so the chart gets its width
      timeline.resize();
      const tl = await get('/api/tariffs/timeline?' + q);
      const steps = tl.intervals.map(i => [i.from, 100 * i.total_rate]);
      const last = tl.intervals[tl.intervals.length - 1];
      const end = document.getElementById('date').max; // the schedule's last revision: an open last interval is drawn up to it
      steps.push([last.until > end ? end : last.until, 100 * last.total_rate]);
      timeline.setOption({
        tooltip: { trigger: 'axis', valueFormatter: x => Number(x).toFixed(2) + '%' },
        legend: { data: ['total rate %'] },
        grid: { left: 60, right: 20, bottom: 70 },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        xAxis: { type: 'time' }, yAxis: { type: 'value', name: '%' },
        series: [{ name: 'total rate %', type: 'line', step: 'end', data: steps }],
      }, true);
    } catch (e) { err.textContent = e.message; }
  }

  async function etrChart() {
    try {
      const j = await get(`/api/tariffs/etr?from=2025-01-01&partner=${encodeURIComponent(v('partner'))}&step=month`);
      document.getElementById('etr-note').textContent = 'Weights: ' + j.weights + '. Month starts; contributions sum to the effective rate.';
      const dates = j.points.map(p => p.date);
      const auth = [...new Set(j.points.flatMap(p => Object.keys(p.by_authority)))].sort();
      etr.setOption({
        tooltip: { trigger: 'axis', valueFormatter: x => Number(x).toFixed(2) + '%' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 60, right: 20, top: 40, bottom: 70 },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        xAxis: { type: 'category', data: dates }, yAxis: { type: 'value', name: '% of imports' },
        series: auth.map(a => ({ name: a, type: 'bar', stack: 'etr', data: j.points.map(p => 100 * (p.by_authority[a] || 0)) })),
      }, true);
    } catch (e) { err.textContent = e.message; }
  }
  document.getElementById('search-form').addEventListener('submit', e => { e.preventDefault(); search(); });
  search();
})();
