// Problems on the page, as text: every element wider than a parent that does not scroll,
// the page wider than the viewport, chart labels past their chart's edge, legends under
// plotly's toolbar. Evaluated by tests/reports/test_layout.py in headless Chromium.
() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`page ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`);
  }
  const scrolls = (el) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('svg') || el.closest('.js-plotly-plot')) continue;  // charts: below
    const parent = el.parentElement;
    if (!parent || scrolls(parent)) continue;
    let inside = false;
    for (let a = parent; a && a !== document.body; a = a.parentElement) {
      if (scrolls(a)) { inside = true; break; }
    }
    if (inside) continue;  // a table scrolls in its own box
    const box = el.getBoundingClientRect(), room = parent.getBoundingClientRect();
    if (box.right > room.right + 1 && box.width > 0) {
      problems.push(`${name(el)} ${Math.round(box.width)}px in ${name(parent)} ${Math.round(room.width)}px`);
    }
  }
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const frame = plot.getBoundingClientRect();
    for (const label of plot.querySelectorAll('.ytick text, .xtick text, .legendtext')) {
      const box = label.getBoundingClientRect();
      if (box.width && (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1)) {
        problems.push(`${plot.id}: label '${label.textContent}' cut at the chart's edge`);
      }
    }
    const bar = plot.querySelector('.modebar');
    const legend = plot.querySelector('.legend');
    if (bar && legend) {
      const a = bar.getBoundingClientRect(), b = legend.getBoundingClientRect();
      if (a.width && b.width && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
        problems.push(`${plot.id}: legend under the toolbar`);
      }
    }
  }
  return problems;
}
