// The negotiation room's probability layer. POST /api/runs/{id}/uncertainty draws the run's file with the engine of
// `parley negotiate FILE --draws N --seed S` (its JSON arrives verbatim as `uncertainty`, the central draw beside it);
// this script lays the odds on the room's utility chart (a layer of negotiation-room.js: coloured and sized markers,
// 5–95% band crosses, the packages most often Nash and Kalai, the central Nash point) and writes the same numbers as
// text into two tables for screen readers. Nothing here computes a probability: every number is the server's.
(function () {
  const room = window.parleyRoom;
  const { space, enc, fmt } = room;
  const run = document.getElementById('view').dataset.run;
  const [a, b] = space.parties;
  const $ = id => document.getElementById(id);
  const form = $('draws-form'), error = $('draws-error'), status = $('draws-status'), bar = $('draws-progress'), cancel = $('cancel-draws');
  const pct = v => (v === null || v === undefined) ? '–' : (100 * v).toFixed(1) + '%';
  const none = k => k === null || k === undefined;
  const keyOf = options => options.join('\u0001');
  let layer = null;

  // The answer mapped onto the room's packages (matched by their options, not by position).
  function build(answer) {
    const u = answer.uncertainty, c = answer.central;
    const byKey = new Map(u.packages.map(p => [keyOf(space.issues.map(i => p.options[i])), p]));
    const odds = space.packages.map(p => byKey.get(keyOf(p.options)) || null);
    const roomOf = new Map();
    odds.forEach((o, k) => { if (o) roomOf.set(o.package, k); });
    const leader = field => {
      let best = null;
      for (const p of u.packages) if (p[field] > 0 && (best === null || p[field] > best[field])) best = p;
      return best === null ? null : roomOf.get(best.package);
    };
    return { u, c, odds, roomOf, nashLeader: leader('p_nash'), kalaiLeader: leader('p_kalai'), centralNash: none(c.nash) ? null : roomOf.get(c.nash) };
  }

  function renderBand(params, api) {
    const h0 = api.coord([api.value(0), api.value(4)]), h1 = api.coord([api.value(2), api.value(4)]);
    const v0 = api.coord([api.value(1), api.value(3)]), v1 = api.coord([api.value(1), api.value(5)]);
    const style = { stroke: '#4a5262', lineWidth: 1, opacity: 0.6 };
    const line = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
    return { type: 'group', children: [
      line(h0[0], h0[1], h1[0], h1[1]), line(v0[0], v0[1], v1[0], v1[1]),
      line(h0[0], h0[1] - 3, h0[0], h0[1] + 3), line(h1[0], h1[1] - 3, h1[0], h1[1] + 3),
      line(v0[0] - 3, v0[1], v0[0] + 3, v0[1]), line(v1[0] - 3, v1[1], v1[0] + 3, v1[1]),
    ] };
  }

  const chartLayer = {
    series(rk) {
      const u1 = rk.utility1, u2 = rk.utility2;
      const at = k => none(k) ? [] : [[u1[k], u2[k], k]];
      const both = [], bands = [];
      layer.odds.forEach((o, k) => {
        if (!o) return;
        both.push([u1[k], u2[k], k, o.p_zopa_member]);
        const ba = o.bands[`${a}/utility`], bb = o.bands[`${b}/utility`];
        if (ba && bb) bands.push([ba.p05, ba.p50, ba.p95, bb.p05, bb.p50, bb.p95, k]);
      });
      const c = layer.c;
      const central = none(layer.centralNash) ? [] : [[c.utility1[c.nash], c.utility2[c.nash], layer.centralNash]];
      return [
        { id: 'p-ir-both', name: 'P(IR both)', type: 'scatter', data: both, symbolSize: v => 6 + 18 * v[3], z: 3, itemStyle: { borderColor: '#1d2330', borderWidth: 0.5, opacity: 0.9 } },
        { id: 'bands', name: '5–95% bands', type: 'custom', data: bands, renderItem: renderBand, encode: { x: [0, 1, 2], y: [3, 4, 5] }, itemStyle: { color: '#4a5262' }, z: 2 },
        { id: 'nash-leader', name: 'most often Nash', type: 'scatter', symbol: 'pin', symbolSize: 30, symbolOffset: [0, '-50%'], data: at(layer.nashLeader), itemStyle: { color: '#e08a00' }, z: 4 },
        { id: 'kalai-leader', name: 'most often Kalai', type: 'scatter', symbol: 'pin', symbolSize: 26, symbolOffset: [0, '-50%'], data: at(layer.kalaiLeader), itemStyle: { color: '#7b3fa0' }, z: 4 },
        { id: 'central-nash', name: 'central Nash', type: 'scatter', symbol: 'emptyDiamond', symbolSize: 24, data: central, itemStyle: { color: '#12284a', borderWidth: 2 }, z: 5 },
      ];
    },
    visualMap: series => ({ type: 'continuous', seriesIndex: series.findIndex(s => s.id === 'p-ir-both'), dimension: 3, min: 0, max: 1, calculable: false,
      right: 6, top: 'middle', itemHeight: 160, text: ['P(IR both) 1', '0'], inRange: { color: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] } }),
    tooltip(p) {
      if (p.seriesId !== 'bands') return null;
      return `<b>5–95% bands over ${layer.u.draws} draws</b><br>` + room.packageTip(p.data[6]);
    },
    packageLines(k) {
      const o = layer.odds[k];
      if (!o) return [];
      const band = who => { const x = o.bands[`${who}/utility`]; return x ? `${fmt(x.p05, 4)} / ${fmt(x.p50, 4)} / ${fmt(x.p95, 4)}` : '–'; };
      return [`<b>over ${layer.u.draws} draws</b>: P(IR) ${enc(a)} ${pct(o.p_individually_rational[a])}, ${enc(b)} ${pct(o.p_individually_rational[b])}, both ${pct(o.p_zopa_member)}`,
        `P(frontier) ${pct(o.p_frontier)}, P(Nash) ${pct(o.p_nash)}, P(Kalai) ${pct(o.p_kalai)}`,
        `utility ${enc(a)} 5/50/95%: ${band(a)}`, `utility ${enc(b)} 5/50/95%: ${band(b)}`];
    },
  };

  const label = k => none(k) ? null : space.packages[k].label;
  function cell(tr, text, value, numeric = true) {
    const td = document.createElement('td');
    td.textContent = text;
    if (numeric) td.className = 'num';
    if (value !== undefined && value !== null) td.dataset.value = String(value);
    tr.appendChild(td);
  }
  function setText(id, text, value) {
    const e = $(id);
    e.textContent = text;
    if (value !== undefined) e.dataset.value = String(value);
  }

  function tables() {
    const u = layer.u, s = u.screen;
    setText('p-zopa', pct(u.p_zopa), u.p_zopa);
    setText('p-draws', String(u.draws), u.draws);
    setText('p-seed', String(u.seed), u.seed);
    const ref = u.reference;
    $('p-reference-label').textContent = ref && ref.recorded_agreement ? 'Recorded agreement' : 'Central Nash package (reference)';
    setText('p-reference', ref ? `${label(layer.roomOf.get(ref.package)) ?? ref.package}: individually rational for both in ${pct(ref.p_individually_rational_both)} of draws` : 'none', ref ? ref.p_individually_rational_both : undefined);
    const leaderText = (k, field) => none(k) ? 'none (no draw had a ZOPA)' : `${label(k)} (${field} ${pct(layer.odds[k][field === 'P(Nash)' ? 'p_nash' : 'p_kalai'])})`;
    setText('p-nash-leader', leaderText(layer.nashLeader, 'P(Nash)'));
    setText('p-kalai-leader', leaderText(layer.kalaiLeader, 'P(Kalai)'));
    setText('p-central-nash', none(layer.centralNash) ? 'none (no ZOPA at the centre)' : label(layer.centralNash));
    setText('p-screen-solves', String(s.screen_solves), s.screen_solves);
    setText('p-exact-solves', String(s.exact_row_solves_in_draws), s.exact_row_solves_in_draws);
    setText('p-outside', String(s.draws_outside_screen), s.draws_outside_screen);
    setText('p-open', pct(s.share_of_draws_with_nash_or_kalai_open), s.share_of_draws_with_nash_or_kalai_open);
    setText('p-elapsed', `${Number(u.elapsed_seconds).toFixed(1)} s`, u.elapsed_seconds);
    const body = document.querySelector('#probability-table tbody');
    body.replaceChildren();
    layer.odds.forEach((o, k) => {
      if (!o) return;
      const tr = document.createElement('tr');
      tr.dataset.package = String(k);
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = space.packages[k].label;
      tr.appendChild(th);
      for (const v of [o.p_individually_rational[a], o.p_individually_rational[b], o.p_zopa_member, o.p_frontier, o.p_nash, o.p_kalai]) cell(tr, pct(v), v);
      for (const who of [a, b]) {
        const x = o.bands[`${who}/utility`] || {};
        for (const q of ['p05', 'p50', 'p95']) cell(tr, fmt(x[q], 4), x[q]);
      }
      const marks = [k === layer.nashLeader && 'most often Nash', k === layer.kalaiLeader && 'most often Kalai', k === layer.centralNash && 'central Nash'].filter(Boolean);
      cell(tr, marks.join('; '), undefined, false);
      body.appendChild(tr);
    });
    $('probability-summary').hidden = false;
    $('probability-packages').hidden = false;
  }

  function show(answer) {
    layer = build(answer);
    if (!room.layers.includes(chartLayer)) room.layers.push(chartLayer);
    room.redraw();
    tables();
    room.probability = answer;
    $('probability-layer').dataset.updated = String(Date.now());
  }

  let controller = null;
  function busy(on) { bar.hidden = !on; cancel.hidden = !on; $('run-draws').disabled = on; }
  async function poll(id) {
    const r = await fetch('/api/draws/' + id);
    if (!r.ok || !controller) return;
    const p = await r.json();
    bar.max = p.total; bar.value = p.done;
    status.textContent = p.state === 'waiting' ? 'Waiting for another draws run to finish…'
      : p.done === 0 ? 'Solving the central world and building the screen…' : `${p.done} of ${p.total} draws`;
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), x => x.toString(16).padStart(2, '0')).join('');
    const q = new URLSearchParams({ resolve: $('resolve').value, progress: id });
    for (const name of ['draws', 'seed']) if ($(name).value.trim() !== '') q.set(name, $(name).value.trim());
    controller = new AbortController();
    busy(true);
    status.textContent = 'Starting…';
    const timer = setInterval(() => poll(id).catch(() => {}), 500);
    try {
      const r = await fetch(`/api/runs/${run}/uncertainty?${q}`, { method: 'POST', signal: controller.signal });
      const j = await r.json();
      if (!r.ok) { status.textContent = ''; error.textContent = j.error; return; }
      show(j);
      status.textContent = `Done: ${j.uncertainty.draws} draws, seed ${j.uncertainty.seed}.`;
    } catch (x) {
      if (x.name === 'AbortError') status.textContent = 'Cancelled.';
      else { status.textContent = ''; error.textContent = String(x); }
    } finally {
      clearInterval(timer);
      controller = null;
      busy(false);
    }
  });
  cancel.addEventListener('click', () => { if (controller) controller.abort(); });
})();
