// Negotiation page: start pricing (an example or the user's YAML), show progress, open the room when done.
(function () {
  const form = document.getElementById('negotiation-form');
  const error = document.getElementById('form-error');
  const progress = document.getElementById('progress');
  const text = document.getElementById('progress-text');
  const cancel = document.getElementById('cancel');
  const yaml = document.getElementById('yaml');
  let job = null, uploadName = null;
  document.getElementById('upload').addEventListener('change', e => {
    const f = e.target.files[0];
    if (!f) return;
    if (f.size > 1048576) { error.textContent = `${f.name}: field '(size)': expected a file of at most 1,048,576 bytes (the upload limit)`; return; }
    uploadName = f.name;
    f.text().then(t => { yaml.value = t; document.getElementById('example').value = ''; });
  });
  function busy(on) { progress.hidden = !on; cancel.hidden = !on; document.getElementById('price').disabled = on; }
  async function poll(id) {
    const j = await (await fetch('/api/jobs/' + id)).json();
    if (j.status === 'done') { text.textContent = 'Done.'; window.location.href = j.url; return; }
    if (j.status === 'failed') { busy(false); text.textContent = ''; error.textContent = j.error; return; }
    if (j.status === 'cancelled') { busy(false); text.textContent = 'Cancelled.'; return; }
    if (j.total > 0) { progress.max = j.total; progress.value = j.done; text.textContent = `${j.done} of ${j.total} packages priced`; }
    setTimeout(() => poll(id), 250);
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    const example = document.getElementById('example').value;
    const sens = document.getElementById('sensitivity').checked;
    let url = '/api/jobs/negotiation?sensitivity=' + sens, body = null;
    if (example) url += '&example=' + encodeURIComponent(example);
    else {
      body = yaml.value;
      if (uploadName) url += '&name=' + encodeURIComponent(uploadName);
    }
    busy(true);
    text.textContent = 'Starting…';
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body });
    const j = await r.json();
    if (!r.ok) { busy(false); text.textContent = ''; error.textContent = j.error; return; }
    job = j.id;
    poll(job);
  });
  cancel.addEventListener('click', async () => { if (job) await fetch('/api/jobs/' + job + '/cancel', { method: 'POST' }); });
})();
