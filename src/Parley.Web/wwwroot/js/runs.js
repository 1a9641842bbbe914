(function () {
  document.querySelectorAll('button.delete').forEach(b => b.addEventListener('click', async () => {
    const r = await fetch('/api/runs/' + b.dataset.run, { method: 'DELETE' });
    if (r.ok) b.closest('tr').remove();
  }));
})();
