// The negotiation room: the utility space of every priced package, re-ranked by the sliders through
// POST /api/runs/{id}/rerank (the server re-weights the cached outcomes; nothing is re-solved). Layers (the probability
// layer, probability-layer.js) add series, a visual map, tooltip lines and their own tooltips through window.parleyRoom.layers.
(function () {
  const host = document.getElementById('view');
  const space = JSON.parse(host.dataset.view);
  const run = host.dataset.run;
  const [a, b] = space.parties;
  const fmt = (v, d) => (v === null || v === undefined) ? '–' : Number(v).toFixed(d);
  const enc = s => echarts.format.encodeHTML(String(s));
  const chart = echarts.init(document.getElementById('space-chart'));
  const layers = [];
  window.parleyRoom = { chart, ranking: space.ranking, space, layers, enc, fmt, redraw: () => draw(window.parleyRoom.ranking), packageTip: k => packageTip(k, window.parleyRoom.ranking.utility1, window.parleyRoom.ranking.utility2) };

  function packageTip(k, u1, u2) {
    const p = space.packages[k];
    const lines = [`<b>package ${k}</b>: ${enc(p.label)}`];
    space.issues.forEach((issue, i) => lines.push(`${enc(issue)} = ${enc(p.options[i])}`));
    lines.push(`utility ${enc(a)} ${fmt(u1[k], 4)}, ${enc(b)} ${fmt(u2[k], 4)}`);
    for (const who of [a, b, ...space.observers]) {
      const keys = Object.keys(p.outcomes).filter(x => x.startsWith(who + '/')).sort();
      if (keys.length) lines.push(`${enc(who)}: ` + keys.map(x => `${enc(x.slice(who.length + 1))} ${fmt(p.outcomes[x], 3)}`).join(', '));
    }
    for (const layer of layers) if (layer.packageLines) lines.push(...layer.packageLines(k));
    return lines.join('<br>');
  }

  const visualMapWidth = () => layers.some(layer => layer.visualMap) ? 110 : 30;
  const legendHeight = () => layers.length ? 75 : 50; // a layer's series take a second legend row

  function draw(rk) {
    const u1 = rk.utility1, u2 = rk.utility2;
    const pts = u1.map((x, k) => [x, u2[k], k]);
    const frontier = [...rk.frontier].sort((i, j) => u1[i] - u1[j]).map(k => [u1[k], u2[k], k]);
    const point = k => (k === null || k === undefined) ? [] : [[u1[k], u2[k], k]];
    const maxX = Math.max(...u1), maxY = Math.max(...u2);
    const roundsBy = party => space.rounds.filter(r => r.party === party).map(r => [r.utility1, r.utility2, r.package, r.round, r.date]);
    const series = [
      { name: 'packages', type: 'scatter', symbolSize: 7, data: pts, itemStyle: { color: '#8a94a6' },
        markArea: rk.zopa.length ? { silent: true, itemStyle: { color: 'rgba(29,107,47,0.08)' }, data: [[{ name: 'ZOPA', coord: [rk.reservation1, rk.reservation2] }, { coord: [maxX, maxY] }]] } : undefined },
      { name: 'frontier', type: 'line', data: frontier, symbolSize: 8, lineStyle: { color: '#0b5cad' }, itemStyle: { color: '#0b5cad' } },
      { name: 'BATNA', type: 'scatter', symbol: 'rect', symbolSize: 12, data: [[rk.reservation1, rk.reservation2, -1]], itemStyle: { color: '#a3120f' } },
      { name: 'Nash', type: 'scatter', symbol: 'diamond', symbolSize: 18, data: point(rk.nash), itemStyle: { color: '#e08a00' } },
      { name: 'Kalai–Smorodinsky', type: 'scatter', symbol: 'triangle', symbolSize: 16, data: point(rk.kalai_smorodinsky), itemStyle: { color: '#7b3fa0' } },
      { name: `rounds ${a}`, type: 'line', data: roundsBy(a), symbol: 'circle', symbolSize: 10, lineStyle: { type: 'dashed' } },
      { name: `rounds ${b}`, type: 'line', data: roundsBy(b), symbol: 'circle', symbolSize: 10, lineStyle: { type: 'dashed' } },
      ...layers.flatMap(layer => layer.series ? layer.series(rk) : []),
    ];
    const visualMap = layers.flatMap(layer => layer.visualMap ? [layer.visualMap(series)] : []);
    chart.setOption({
      tooltip: { trigger: 'item', confine: true, formatter: p => {
        for (const layer of layers) { const own = layer.tooltip && layer.tooltip(p, rk); if (own) return own; }
        if (p.seriesName === 'BATNA') return `BATNA: ${enc(space.batna_label)}<br>${enc(a)} ${fmt(rk.reservation1, 4)}, ${enc(b)} ${fmt(rk.reservation2, 4)}`;
        const d = p.data;
        const round = p.seriesName.startsWith('rounds') ? `<b>${enc(d[3])}</b> (${enc(d[4])})<br>` : '';
        return round + `<b>${enc(p.seriesName)}</b><br>` + packageTip(d[2], u1, u2);
      } },
      legend: { top: 0 },
      grid: { left: 70, right: visualMapWidth(), top: legendHeight(), bottom: 80 },
      dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'inside', yAxisIndex: 0 }, { type: 'slider', xAxisIndex: 0, height: 18, bottom: 8 }],
      xAxis: { type: 'value', name: `utility ${a}`, nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: 'value', name: `utility ${b}`, scale: true },
      series,
      visualMap,
    }, { replaceMerge: ['series', 'visualMap'] });
  }

  function table(rk) {
    const row = (id, k) => {
      const tr = document.getElementById('row-' + id);
      tr.querySelector('.package').textContent = (k === null || k === undefined) ? 'none' : space.packages[k].label;
      tr.querySelector('.u1').textContent = (k === null || k === undefined) ? '–' : fmt(rk.utility1[k], 4);
      tr.querySelector('.u2').textContent = (k === null || k === undefined) ? '–' : fmt(rk.utility2[k], 4);
    };
    row('nash', rk.nash); row('kalai', rk.kalai_smorodinsky); row('utilitarian', rk.utilitarian);
    document.getElementById('d1').textContent = fmt(rk.reservation1, 4);
    document.getElementById('d2').textContent = fmt(rk.reservation2, 4);
    document.getElementById('zopa').textContent = rk.zopa.length ? `ZOPA: ${rk.zopa.length} packages beat both reservation values.` : 'No ZOPA: no package beats both reservation values.';
  }

  let pending = null, movedReservation = [false, false], movedWeights = [false, false];
  async function rerank() {
    const weights = [0, 1].map(p => movedWeights[p] ? [...document.querySelectorAll(`.weight[data-party="${p}"]`)].map(i => Number(i.value)) : null);
    const res = [0, 1].map(p => movedReservation[p] ? Number(document.querySelector(`.reservation[data-party="${p}"]`).value) : null);
    const r = await fetch(`/api/runs/${run}/rerank`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ weights1: weights[0], weights2: weights[1], reservation1: res[0], reservation2: res[1] }) });
    if (!r.ok) return;
    const rk = await r.json();
    window.parleyRoom.ranking = rk;
    draw(rk); table(rk);
    document.getElementById('sliders').dataset.updated = String(Date.now());
  }
  document.querySelectorAll('.sliders input[type=range]').forEach(input => input.addEventListener('input', () => {
    input.nextElementSibling.textContent = Number(input.value).toFixed(3);
    (input.classList.contains('reservation') ? movedReservation : movedWeights)[Number(input.dataset.party)] = true;
    clearTimeout(pending); pending = setTimeout(rerank, 60);
  }));
  document.getElementById('reset').addEventListener('click', () => window.location.reload());
  draw(space.ranking);
  window.addEventListener('resize', () => chart.resize());
})();
