// Charts of a scenario run, drawn from the run's stored view (the same numbers as the tables and status_quo.csv).
(function () {
  const view = JSON.parse(document.getElementById('view').dataset.view);
  const rows = view.rows;
  const labels = rows.map(r => r.label);
  const fmt = (v, d) => (v === null || v === undefined) ? '–' : Number(v).toFixed(d);
  const welfare = echarts.init(document.getElementById('welfare-chart'));
  welfare.setOption({
    tooltip: { trigger: 'axis', formatter: ps => {
      const r = rows[ps[0].dataIndex];
      return `${echarts.format.encodeHTML(r.name)} (${echarts.format.encodeHTML(r.label)})<br>welfare ${fmt(r.welfare, 4)}%<br>welfare USD ${fmt(r.welfare_usd_billions, 2)} bn<br>real wage ${fmt(r.real_wage, 4)}%`;
    } },
    legend: { data: ['welfare %', 'welfare USD bn'] },
    grid: { left: 60, right: 60, bottom: 70 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', name: '%' }, { type: 'value', name: 'USD bn' }],
    series: [
      { name: 'welfare %', type: 'bar', data: rows.map(r => r.welfare) },
      { name: 'welfare USD bn', type: 'bar', yAxisIndex: 1, data: rows.map(r => r.welfare_usd_billions) },
    ],
  });
  const dv = view.diversion;
  const diversion = echarts.init(document.getElementById('diversion-chart'));
  diversion.setOption({
    tooltip: { trigger: 'axis', formatter: ps => {
      const d = dv[ps[0].dataIndex];
      return `${echarts.format.encodeHTML(d.importer)} imports from ${echarts.format.encodeHTML(d.exporter_name)}<br>status quo ${fmt(d.status_quo_usd_billions, 2)} bn<br>scenario ${fmt(d.scenario_usd_billions, 2)} bn<br>change ${fmt(d.change_usd_billions, 3)} bn (${fmt(d.change_pct, 2)}%)`;
    } },
    legend: { data: ['change USD bn'] },
    grid: { left: 60, right: 20, bottom: 70 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    xAxis: { type: 'category', data: dv.map(d => d.exporter) },
    yAxis: { type: 'value', name: 'USD bn' },
    series: [{ name: 'change USD bn', type: 'bar', data: dv.map(d => d.change_usd_billions) }],
  });
  const sectorEl = document.getElementById('sector-chart');
  if (sectorEl) {
    const withSectors = rows.filter(r => r.sectors && r.sectors.length > 0);
    const codes = withSectors[0].sectors.map(s => s.code);
    const chart = echarts.init(sectorEl);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: codes },
      grid: { left: 60, right: 20, bottom: 70 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      xAxis: { type: 'category', data: withSectors.map(r => r.label) },
      yAxis: { type: 'value', name: 'gross output %' },
      series: codes.map((c, j) => ({ name: c, type: 'bar', data: withSectors.map(r => r.sectors[j].gross_output) })),
    });
  }
  window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(el => echarts.getInstanceByDom(el)?.resize()));
})();
