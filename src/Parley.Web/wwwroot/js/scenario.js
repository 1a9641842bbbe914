// Scenario page: the form becomes a JSON draft, the server writes and checks its YAML, solves it as a job, and the
// result opens at /runs/{id}. Text from the user or the server is only ever set as textContent (never as HTML).
(function () {
  const form = document.getElementById('scenario-form');
  const body = document.querySelector('#changes tbody');
  const error = document.getElementById('form-error');
  const progress = document.getElementById('progress');
  const cancel = document.getElementById('cancel');
  let job = null;

  function renumber() {
    body.querySelectorAll('tr.change').forEach((tr, k) => {
      tr.querySelector('[name=importer]').setAttribute('aria-label', 'Importer, row ' + (k + 1));
      tr.querySelector('[name=exporter]').setAttribute('aria-label', 'Exporter or group, row ' + (k + 1));
      tr.querySelector('[name=sectors]').setAttribute('aria-label', 'Sectors, row ' + (k + 1));
      tr.querySelector('[name=rate]').setAttribute('aria-label', 'Rate, row ' + (k + 1));
      tr.querySelector('.remove').setAttribute('aria-label', 'Remove row ' + (k + 1));
    });
  }
  document.getElementById('add-change').addEventListener('click', () => {
    const tr = body.querySelector('tr.change').cloneNode(true);
    tr.querySelectorAll('input').forEach(i => { i.value = ''; i.removeAttribute('aria-invalid'); });
    tr.querySelector('.field-error').textContent = '';
    body.appendChild(tr);
    renumber();
  });
  body.addEventListener('click', e => {
    if (e.target.classList.contains('remove') && body.querySelectorAll('tr.change').length > 1) { e.target.closest('tr').remove(); renumber(); }
  });
  document.getElementById('model').addEventListener('change', e => {
    document.getElementById('dataset').value = e.target.value === 'multi-sector' ? 'wiod-2011' : 'world-2023';
  });

  function draft() {
    const v = id => document.getElementById(id).value;
    return {
      name: v('name'), model: v('model'), dataset: v('dataset'), status_quo_date: v('status-quo-date'), report: v('report'),
      changes: [...body.querySelectorAll('tr.change')].map(tr => ({
        importer: tr.querySelector('[name=importer]').value, exporter: tr.querySelector('[name=exporter]').value,
        sectors: tr.querySelector('[name=sectors]').value, rate: tr.querySelector('[name=rate]').value,
      })),
    };
  }
  function clearErrors() {
    error.textContent = '';
    body.querySelectorAll('.field-error').forEach(s => s.textContent = '');
    form.querySelectorAll('[aria-invalid]').forEach(i => i.removeAttribute('aria-invalid'));
  }
  function showError(e) {
    error.textContent = e.error;
    if (e.row !== null && e.row !== undefined) {
      const tr = body.querySelectorAll('tr.change')[e.row];
      if (tr) {
        tr.querySelector('.field-error').textContent = e.error;
        const key = (e.field || '').split('.').pop();
        const input = tr.querySelector('[name=' + (key === 'sector' ? 'sectors' : key) + ']');
        if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
      }
    }
  }
  function busy(on) {
    progress.hidden = !on; cancel.hidden = !on; document.getElementById('run').disabled = on;
  }
  async function poll(id) {
    const r = await fetch('/api/jobs/' + id);
    const j = await r.json();
    if (j.status === 'done') { window.location.href = j.url; return; }
    if (j.status === 'failed') { busy(false); showError(j); return; }
    if (j.status === 'cancelled') { busy(false); error.textContent = 'Cancelled.'; return; }
    if (j.total > 0) { progress.max = j.total; progress.value = j.done; }
    setTimeout(() => poll(id), 250);
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors();
    busy(true);
    const r = await fetch('/api/jobs/scenario', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft()) });
    const j = await r.json();
    if (!r.ok) { busy(false); showError(j); return; }
    job = j.id;
    poll(job);
  });
  cancel.addEventListener('click', async () => { if (job) await fetch('/api/jobs/' + job + '/cancel', { method: 'POST' }); });
})();
