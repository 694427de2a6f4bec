// 时限看板: breached and at-risk clocks (GET /sla/breaches, /sla/at-risk) as the caller's scope allows, counted by
// level and unit, asked again every few seconds (casegrid.console.board-refresh); a row opens its case.
import { api, optional, query } from '../api.js';
import { esc, label, dateTime, slaBadge, durationMillis, limitText, LEVEL, PHASE } from '../format.js';

const filters = { level: '', unit: '' };
const drawn = new WeakMap();
const cases = new Map(); // case id → its number and title, asked once

export async function render(main, args, config) {
  main.innerHTML = `
    <h1>时限看板</h1>
    <form class="filters" id="filters">
      <label>层级 <select name="level"><option value="">全部</option>
        ${['GRID', 'VILLAGE', 'TOWNSHIP', 'COUNTY', 'DEPARTMENT'].map(l => `<option value="${l}">${esc(LEVEL[l])}</option>`).join('')}
      </select></label>
      <label>单位编码 <input type="text" name="unit" maxlength="64" placeholder="全部"></label>
      <span class="muted" id="updated"></span>
    </form>
    <div class="board">
      <section><h2>已超时 <span class="count" id="breached-count"></span></h2><div id="breached-summary" class="summary"></div><ul class="cards" id="breached"></ul></section>
      <section><h2>即将超时 <span class="count" id="at-risk-count"></span></h2><div id="at-risk-summary" class="summary"></div><ul class="cards" id="at-risk"></ul></section>
    </div>`;
  const form = main.querySelector('#filters');
  form.level.value = filters.level;
  form.unit.value = filters.unit;
  form.addEventListener('change', () => {
    Object.assign(filters, { level: form.level.value, unit: form.unit.value.trim() });
    refresh(main);
  });
  form.addEventListener('submit', event => event.preventDefault());
  main.addEventListener('click', event => {
    const row = event.target.closest('[data-case-id]');
    if (row) location.hash = '#/case/' + encodeURIComponent(row.dataset.caseId);
  });
  await refresh(main);
  const timer = setInterval(() => refresh(main).catch(() => {}), config.boardRefreshMillis);
  return () => clearInterval(timer);
}

async function refresh(main) {
  const params = query({ level: filters.level, unit: filters.unit, size: 200 });
  const [breached, atRisk] = await Promise.all([api('/sla/breaches' + params), api('/sla/at-risk' + params)]);
  await caseNames([...breached.items, ...atRisk.items].map(k => k.caseId));
  show(main, 'breached', breached);
  show(main, 'at-risk', atRisk);
  main.querySelector('#updated').textContent = '更新于 ' + new Date().toLocaleTimeString('zh-CN');
}

async function caseNames(ids) {
  const unknown = [...new Set(ids)].filter(id => !cases.has(id));
  await Promise.all(unknown.map(async id => {
    const c = await optional(`/cases/${encodeURIComponent(id)}`);
    cases.set(id, c ? `${c.caseNumber} ${c.title}` : '');
  }));
}

function show(main, id, page) {
  main.querySelector(`#${id}-count`).textContent = page.total;
  const counts = {};
  page.items.forEach(k => {
    const key = `${label(LEVEL, k.level)} · ${k.departmentName || k.unitName || k.unitCode}`;
    counts[key] = (counts[key] || 0) + 1;
  });
  main.querySelector(`#${id}-summary`).innerHTML = Object.entries(counts)
    .map(([key, n]) => `<span class="tag">${esc(key)}：${n}</span>`).join('');
  const html = page.items.map(k => `
    <li class="card clickable sla-edge-${esc(k.state.toLowerCase())}" data-case-id="${esc(k.caseId)}" data-clock-id="${esc(k.id)}" data-state="${esc(k.state)}">
      <div class="card-head"><span class="title">${esc(label(PHASE, k.phase))} · ${esc(k.departmentName || k.unitName || k.unitCode)}</span>
        ${slaBadge(k.state, durationMillis(k.remaining))}</div>
      <div class="card-meta"><span>${esc(cases.get(k.caseId) || '')}</span></div>
      <div class="card-meta"><span>${esc(label(LEVEL, k.level))}</span><span>时限 ${esc(limitText(k.limit))}</span><span>到期 ${esc(dateTime(k.dueAt))}</span></div>
    </li>`).join('') || '<li class="empty">没有</li>';
  const list = main.querySelector(`#${id}`);
  if (drawn.get(list) !== html) { // redrawn only when something changed, so a row is not replaced under a finger
    list.innerHTML = html;
    drawn.set(list, html);
  }
}
