// The room's "paste an article" box: POST /api/rounds/extract previews the round an article reports and the proposed
// `rounds:` entry for this run's negotiation. Every value is written with textContent (articles may carry markup).
(function () {
  const form = document.getElementById('article-form');
  if (!form) return;
  const run = document.getElementById('view').dataset.run;
  const error = document.getElementById('article-error');
  const result = document.getElementById('article-result');
  const body = document.querySelector('#article-fields tbody');
  const proposal = document.getElementById('article-proposal');
  const download = document.getElementById('article-download');
  let url = null;

  const dash = v => (v === null || v === undefined || v === '') ? '–' : String(v);
  const rate = r => (r === null || r === undefined) ? '' : ` at ${(100 * r).toFixed(2).replace(/\.?0+$/, '')}%`;

  // One row per field (and per list item, whose evidence key is field[k]).
  function rows(rec) {
    const out = [['date', 'Date', dash(rec.date)], ['place', 'Place', dash(rec.place)]];
    if (rec.participants.length === 0) out.push(['participants', 'Participants', '–']);
    rec.participants.forEach((p, k) => out.push([`participants[${k}]`, 'Participant', `${p.name} (${p.country}, ${p.role})`]));
    out.push(['duration_minutes', 'Duration (minutes)', dash(rec.duration_minutes)]);
    if (rec.topics.length === 0) out.push(['topics', 'Topics', '–']);
    rec.topics.forEach((t, k) => out.push([`topics[${k}]`, 'Topic', t]));
    out.push(['agreement', 'Agreement', rec.agreement === null ? 'not stated' : (rec.agreement ? 'yes' : 'no')]);
    rec.positions.forEach((p, k) => out.push([`positions[${k}]`, 'Position', `${p.party}: ${p.stance} ${p.topic}${rate(p.rate)}`]));
    rec.outcome_rates.forEach((o, k) => out.push([`outcome_rates[${k}]`, 'Outcome rate', `${o.topic}${rate(o.rate)}`]));
    out.push(['next_meeting', 'Next meeting', rec.next_meeting ? `${rec.next_meeting.from} to ${rec.next_meeting.to}` : '–']);
    return out;
  }

  function show(answer) {
    body.replaceChildren();
    for (const [key, label, value] of rows(answer.record)) {
      const e = answer.record.evidence[key] || { sentence: null, confidence: null };
      const tr = document.createElement('tr');
      tr.dataset.field = key;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th);
      for (const [text, cls] of [[value, 'value'], [dash(e.sentence), 'evidence'], [e.confidence === null ? '–' : Number(e.confidence).toFixed(2), 'num confidence']]) {
        const td = document.createElement('td');
        td.className = cls;
        td.textContent = text;
        tr.append(td);
      }
      body.append(tr);
    }
    const yaml = answer.proposed_rounds;
    proposal.textContent = yaml || 'No entry proposed: the article states no meeting date.';
    if (url) URL.revokeObjectURL(url);
    url = yaml ? URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' })) : null;
    download.hidden = !url;
    download.parentElement.hidden = !url;
    if (url) download.href = url;
    result.hidden = false;
  }

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    error.hidden = true;
    const published = document.getElementById('article-published').value;
    const q = new URLSearchParams({ published, run });
    const r = await fetch('/api/rounds/extract?' + q, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: document.getElementById('article-text').value });
    const answer = await r.json();
    if (!r.ok) {
      result.hidden = true;
      error.textContent = answer.error;
      error.hidden = false;
      return;
    }
    show(answer);
  });
})();
