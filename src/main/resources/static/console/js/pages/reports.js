// 报表: a unit's figures of a month beside the month before (GET /reports/units/{unit}?month=), bars of its
// categories and channels, the assessment ranking with a unit's deductions and their cases (GET /reports/assessment…),
// the published monthly 专报 with its printable page and workbook (GET /reports/monthly…). What the API refuses
// (403/404) is left out with a note: the API alone decides who reads what.
import { api, file, query } from '../api.js';
import { person } from '../auth.js';
import { esc, label, dateTime, LEVEL } from '../format.js';

/** 三率 first (the assessment's three rates), then every other figure in the API's order. */
const THREE_RATES = ['acceptanceOnTimeRate', 'handlingOnTimeRate', 'satisfactionRate'];
/** Levels a report is read for; micro-grids and the other mediation levels are not reported apart. */
/** The figures shown as cards above the charts; every figure is in the table below the ranking. */
const HEADLINE = [...THREE_RATES, 'received', 'completionRate', 'overdueCases'];
const REPORTED = ['COUNTY', 'TOWNSHIP', 'DEPARTMENT', 'VILLAGE', 'GRID'];
const STATUS = { PUBLISHED: '已发布', DRAFT: '待审核', SUPERSEDED: '已作废' };
const REFUSED = '无权查看或单位不存在';

export async function render(main, [unitArg, monthArg]) {
  const units = await api('/org/units');
  const choices = pickable(units);
  const unit = unitArg || (choices[0] && choices[0].code) || '';
  // without a month the API counts the current one in the county's time zone, which names it back (report.from)
  const report = await readable(api(`/reports/units/${encodeURIComponent(unit)}` + query({ month: monthArg })));
  const month = monthArg || (report ? report.from.slice(0, 7) : thisMonth());
  main.innerHTML = `
    <h1>报表</h1>
    <form class="filters" id="report-filters">
      <label>单位 <select name="unit">${choices.map(u => `
        <option value="${esc(u.code)}">${esc(indent(u))}${esc(u.name)}</option>`).join('')}</select></label>
      <label>月份 <input type="month" name="month" required></label>
    </form>
    <p class="note" id="unit-note" hidden></p>
    <div id="unit-report"></div>
    <section id="assessment"></section>
    <section id="all-figures"></section>
    <section id="monthly"></section>`;
  const form = main.querySelector('#report-filters');
  if (!choices.some(u => u.code === unit)) {
    form.unit.insertAdjacentHTML('afterbegin', `<option value="${esc(unit)}">${esc(unit)}</option>`);
  }
  form.unit.value = unit;
  form.month.value = month;
  form.addEventListener('change', () => {
    if (/^\d{4}-\d{2}$/.test(form.month.value)) {
      location.hash = `#/reports/${encodeURIComponent(form.unit.value)}/${form.month.value}`;
    }
  });
  form.addEventListener('submit', event => event.preventDefault());

  figures(main, report);
  await Promise.all([
    assessment(main, units.find(u => u.code === unit), month),
    monthly(main),
  ]);
}

/** The person's own units and every reported unit below them: what the picker offers (the API decides the rest). */
function pickable(units) {
  const byCode = Object.fromEntries(units.map(u => [u.code, u]));
  const above = unit => { // the unit and its ancestors
    const codes = [];
    for (let u = unit; u; u = byCode[u.parentCode]) codes.push(u.code);
    return codes;
  };
  // the token names the person's group and the groups above it (城关街道 and 云岭县): the deepest is their own
  const codes = person().orgCodes;
  const own = new Set(codes.filter(code => !codes.some(other => other !== code && above(byCode[other]).includes(code))));
  const mine = unit => above(unit).some(code => own.has(code));
  return units.filter(u => REPORTED.includes(u.level) && mine(u))
    .sort((a, b) => REPORTED.indexOf(a.level) - REPORTED.indexOf(b.level) || a.code.localeCompare(b.code));
}

const indent = u => ({ VILLAGE: '　', GRID: '　　' }[u.level] || '');

function thisMonth() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Runs a read; what the API refuses (403/404) is "not for this person", shown as a note. */
async function readable(request) {
  try {
    return await request;
  } catch (e) {
    if (e.status === 403 || e.status === 404) return null;
    throw e;
  }
}

function figures(main, report) {
  const target = main.querySelector('#unit-report');
  if (!report) {
    const note = main.querySelector('#unit-note');
    note.hidden = false;
    note.textContent = `该单位的报表${REFUSED}。`;
    return;
  }
  const ordered = [...THREE_RATES.map(key => report.figures.find(f => f.key === key)).filter(Boolean),
    ...report.figures.filter(f => !THREE_RATES.includes(f.key))];
  const table = key => report.tables.find(t => t.key === key);
  const ratio = f => f.denominator !== null && f.denominator !== undefined ? `${f.numerator}/${f.denominator}` : '';
  target.innerHTML = `
    <h2>${esc(report.unitName)} <span class="count">${esc(label(LEVEL, report.level))} · ${esc(report.from)} 至 ${esc(lastDay(report.to))}，上期 ${esc(report.previousFrom)} 至 ${esc(lastDay(report.previousTo))}</span></h2>
    <ul class="figures" id="headline">${ordered.filter(f => HEADLINE.includes(f.key)).map(f => `
      <li class="figure${THREE_RATES.includes(f.key) ? ' three-rate' : ''}" data-key="${esc(f.key)}">
        <span class="figure-label">${esc(f.label)}</span>
        <span class="figure-value">${esc(amount(f.key, f.value))} <small class="muted">${esc(ratio(f))}</small></span>
        <span class="figure-previous">上期 ${esc(amount(f.key, f.previous))} ${change(f.value, f.previous)}</span>
      </li>`).join('')}</ul>
    <div class="charts">
      ${chart('分类件数', table('topCategories'), 'categories')}
      ${chart('来源渠道', table('byChannel'), 'channels')}
    </div>`;
  main.querySelector('#all-figures').innerHTML = `<h2>全部指标</h2>
    <div class="table"><table id="figures"><thead><tr><th>指标</th><th>本期</th><th>分子/分母</th><th>上期</th><th>变化</th></tr></thead><tbody>
    ${ordered.map(f => `<tr data-key="${esc(f.key)}"${THREE_RATES.includes(f.key) ? ' class="three-rate"' : ''}><td>${esc(f.label)}</td>
      <td class="figure-value">${esc(amount(f.key, f.value))}</td><td class="muted">${esc(ratio(f))}</td>
      <td class="figure-previous">${esc(amount(f.key, f.previous))}</td><td>${change(f.value, f.previous)}</td></tr>`).join('')}
    </tbody></table></div>`;
}

const lastDay = to => {
  const d = new Date(to + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** A figure in words: a rate in percent, hours, days or a count; empty when nothing was counted. */
function amount(key, value) {
  if (value === null || value === undefined) return '—';
  if (/Rate$/.test(key)) return value + '%';
  if (/Hours/.test(key)) return value + '小时';
  if (/Days/.test(key)) return value + '天';
  return String(value);
}

function change(value, previous) {
  if (value === null || value === undefined || previous === null || previous === undefined || value === previous) return '';
  const up = value > previous;
  return `<span class="${up ? 'up' : 'down'}">${up ? '↑' : '↓'}${esc(+Math.abs(value - previous).toFixed(1))}</span>`;
}

/** Horizontal bars as inline SVG: one row per label, the longest bar the largest value. */
function bars(rows, id, { max, text = v => String(v), href } = {}) {
  if (!rows.length) return '<p class="empty">本期没有</p>';
  const top = max || Math.max(...rows.map(r => r.value), 1);
  const row = 26, labelWidth = 150, barWidth = 260;
  return `<svg class="bars" id="${esc(id)}" viewBox="0 0 ${labelWidth + barWidth + 70} ${rows.length * row}" role="img">
    ${rows.map((r, i) => {
      const y = i * row;
      const width = Math.max(1, Math.round(r.value / top * barWidth));
      const bar = `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end">${esc(r.label.length > 10 ? r.label.slice(0, 10) + '…' : r.label)}</text>
        <rect x="${labelWidth}" y="${y + 5}" width="${width}" height="16" rx="3"></rect>
        <text x="${labelWidth + width + 6}" y="${y + 17}">${esc(text(r.value))}</text>`;
      return href ? `<a href="${esc(href(r))}" data-code="${esc(r.key)}"><title>${esc(r.label)}</title>${bar}</a>` : `<g><title>${esc(r.label)}</title>${bar}</g>`;
    }).join('')}
  </svg>`;
}

const chart = (title, table, id) => `<figure class="chart"><figcaption>${esc(title)}</figcaption>${bars(table ? table.rows : [], id)}</figure>`;

/** The ranking of townships and departments (county readers), and the chosen unit's deductions with their cases. */
async function assessment(main, unit, month) {
  const section = main.querySelector('#assessment');
  const [townships, departments] = await Promise.all(['TOWNSHIP', 'DEPARTMENT']
    .map(level => readable(api('/reports/assessment' + query({ level, month })))));
  const ranking = (title, r, id) => `<h3>${esc(title)}</h3>${bars(r.items.map(i => ({ key: i.assessment.unitCode, label: `${i.rank}. ${i.assessment.unitName}`, value: i.assessment.score })),
    id, { max: 100, text: v => v + '分', href: row => `#/reports/${encodeURIComponent(row.key)}/${month}` })}
    <div class="table"><table id="${esc(id)}-table"><thead><tr><th>名次</th><th>单位</th><th>三率得分</th><th>扣分</th><th>得分</th></tr></thead><tbody>
    ${r.items.map(i => `<tr data-code="${esc(i.assessment.unitCode)}"><td>${i.rank}</td>
      <td><a href="#/reports/${esc(encodeURIComponent(i.assessment.unitCode))}/${esc(month)}">${esc(i.assessment.unitName)}</a></td>
      <td>${esc(i.assessment.threeRateScore)}</td><td>${esc(i.assessment.deductedPoints)}</td><td>${esc(i.assessment.score)}</td></tr>`).join('')}
    </tbody></table></div>`;
  let html = '<h2>考核排名</h2>';
  html += townships || departments
    ? `<div class="rankings">${townships ? `<div>${ranking('乡镇/街道', townships, 'township-ranking')}</div>` : ''}${departments ? `<div>${ranking('职能部门', departments, 'department-ranking')}</div>` : ''}</div>`
    : `<p class="note" id="ranking-note">考核排名仅县综治中心、督查和审计可看。</p>`;
  if (unit && ['TOWNSHIP', 'DEPARTMENT'].includes(unit.level)) {
    const own = await readable(api(`/reports/assessment/${encodeURIComponent(unit.code)}` + query({ month })));
    html += own ? deductions(own) : `<p class="note" id="deductions-note">${esc(unit.name)}的考核${REFUSED}。</p>`;
  }
  section.innerHTML = html;
}

function deductions(a) {
  const items = a.deductions.filter(d => d.count > 0);
  return `<div id="deductions" data-code="${esc(a.unitCode)}"><h3>${esc(a.unitName)} 得分 ${esc(a.score)}（三率得分 ${esc(a.threeRateScore)} − 扣分 ${esc(a.deductedPoints)}）</h3>
    <p class="muted">按期签收率 ${esc(amount('r', a.acceptanceOnTimeRate ?? null))} · 按期办结率 ${esc(amount('r', a.handlingOnTimeRate ?? null))} · 满意率 ${esc(amount('r', a.satisfactionRate ?? null))}</p>
    ${items.length ? `<ul class="plain">${items.map(d => `
      <li data-item="${esc(d.item)}"><b>${esc(d.label)}</b> ${d.count} 次 × ${esc(d.pointsEach)} 分 = ${esc(d.points)} 分
        <div class="case-links">${d.cases.map(c => `<a href="#/case/${esc(encodeURIComponent(c.caseId))}" title="${esc(dateTime(c.at))}">${esc(c.caseNumber)}</a>`).join(' ')}</div></li>`).join('')}</ul>`
      : '<p class="empty">本期没有扣分</p>'}</div>`;
}

/** The published 专报 (and, for the county centre, drafts): printable page and workbook fetched with the token. */
async function monthly(main) {
  const section = main.querySelector('#monthly');
  const page = await readable(api('/reports/monthly' + query({ size: 24 })));
  if (!page) {
    section.innerHTML = '<h2>月度专报</h2><p class="note" id="monthly-note">月度专报仅县综治中心、督查和审计可看。</p>';
    return;
  }
  section.innerHTML = `<h2>月度专报</h2>${page.items.length ? `<ul class="plain" id="monthly-reports">${page.items.map(r => `
    <li data-report-id="${esc(r.id)}"><b>${esc(r.month)}</b> 第${esc(r.versionNumber)}版 <span class="tag">${esc(label(STATUS, r.status))}</span>
      <span class="muted">${r.publishedAt ? '发布于 ' + esc(dateTime(r.publishedAt)) : '生成于 ' + esc(dateTime(r.computedAt))}</span>
      <span class="card-actions"><button type="button" class="secondary" data-document="${esc(r.id)}">打印版</button>
      <button type="button" class="secondary" data-workbook="${esc(r.id)}" data-name="专报-${esc(r.month)}-第${esc(r.versionNumber)}版.xlsx">Excel</button></span>
      <p class="error"></p></li>`).join('')}</ul>` : '<p class="empty">还没有发布的专报</p>'}`;
  section.addEventListener('click', async event => {
    const button = event.target.closest('button[data-document], button[data-workbook]');
    if (!button) return;
    const error = button.closest('li').querySelector('.error');
    error.textContent = '';
    // the window opens at the click, so a popup blocker lets it through; the page follows when fetched
    const printable = button.dataset.document ? window.open('', '_blank') : null;
    try {
      if (printable) {
        const blob = await file(`/reports/monthly/${encodeURIComponent(button.dataset.document)}/document`, 'text/html');
        printable.location = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
      } else {
        const blob = await file(`/reports/monthly/${encodeURIComponent(button.dataset.workbook)}/workbook`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = button.dataset.name;
        document.body.append(link);
        link.click();
        link.remove();
        button.dataset.downloaded = String(blob.size);
      }
    } catch (e) {
      if (printable) printable.close();
      error.textContent = e.status === 403 || e.status === 404 ? `该专报${REFUSED}。` : e.message;
    }
  });
}
