// 案卷: the case as the API shows it to the caller — details, photos, every clock, pending timers, whistled
// departments, supervision orders, the mediation record and the timeline. A part the caller may not read is left out.
import { api, optional, query } from '../api.js';
import { accessToken } from '../auth.js';
import { gallery, activate } from '../photos.js';
import { esc, label, dateTime, slaBadge, durationMillis, limitText, priorityBadge, STEP, TRACK, LEVEL, PHASE, CHANNEL,
  MEDIATION_STATUS, SUPERVISION } from '../format.js';

export async function render(main, [caseId]) {
  const id = encodeURIComponent(caseId);
  const c = await api(`/cases/${id}`);
  const [uploaded, sla, timers, whistles, orders, mediation] = await Promise.all([
    optional(`/cases/${id}/attachments`),
    optional(`/cases/${id}/sla`), optional(`/cases/${id}/timers`), optional(`/cases/${id}/whistles?size=50`),
    optional('/supervision-orders' + query({ caseId, size: 50 })), optional(`/cases/${id}/mediation`),
  ]);
  main.innerHTML = `
    <h1>${esc(c.title)} ${priorityBadge(c.priority)}</h1>
    <dl class="facts" data-case-number="${esc(c.caseNumber)}">
      <dt>案卷编号</dt><dd>${esc(c.caseNumber)}</dd>
      <dt>环节</dt><dd>${esc(label(STEP, c.step))}</dd>
      <dt>来源</dt><dd>${esc(label(CHANNEL, c.channel))}</dd>
      <dt>办理方式</dt><dd>${esc(label(TRACK, c.track) || '待研判')}</dd>
      <dt>地点</dt><dd>${esc(c.location.unitName || c.location.unitCode)} · ${esc(c.location.address)}</dd>
      ${c.handlingUnit ? `<dt>承办单位</dt><dd>${esc(c.handlingUnit.name)}</dd>` : ''}
      ${c.departmentName ? `<dt>责任部门</dt><dd>${esc(c.departmentName)}</dd>` : ''}
      <dt>上报时间</dt><dd>${esc(dateTime(c.reportedAt))}</dd>
      ${c.reporter && c.reporter.name ? `<dt>反映人</dt><dd>${esc(c.reporter.name)} ${esc(c.reporter.phone || '')}</dd>` : ''}
      ${c.resolution ? `<dt>办理结果</dt><dd>${esc(c.resolution)}</dd>` : ''}
    </dl>
    <p class="description">${esc(c.description)}</p>
    ${photos(c.attachments, uploaded ? uploaded.items : [])}
    ${clocks(sla)}
    ${pendingTimers(timers)}
    ${whistleSection(whistles, sla)}
    ${supervision(orders)}
    ${mediationRecord(mediation)}
    <section><h2>时间线</h2><ol class="timeline">
      ${c.timeline.slice().reverse().map(e => `
        <li data-type="${esc(e.type)}"><time>${esc(dateTime(e.at))}</time> <b>${esc(e.summary)}</b>
          <span class="muted">${esc(e.actorName || e.actor)}</span></li>`).join('')}
    </ol>${c.timelineTruncated ? `<p class="muted">只显示最近 ${c.timeline.length} 条</p>` : ''}</section>`;
  activate(main);
  const print = main.querySelector('#agreement');
  if (print) {
    print.addEventListener('click', () => openAgreement(print.dataset.href));
  }
}

/** The report's own links (an app's object store) and the files uploaded to the case. */
function photos(linked, uploaded) {
  const all = [...(linked || []).map((a, i) => ({ ...a, id: 'link-' + i })), ...uploaded];
  if (!all.length) return '';
  return `<section id="photos"><h2>照片与附件</h2>${gallery(all.map(a => ({
    ...a, thumbnailUri: a.thumbnailUri || ((a.mediaType || '').startsWith('image/') ? a.uri : undefined) })))}</section>`;
}

function clocks(sla) {
  if (!sla || !sla.clocks.length) return '';
  return `<section><h2>时限</h2><div class="table"><table>
    <thead><tr><th>环节</th><th>层级</th><th>责任单位</th><th>时限</th><th>到期</th><th>状态</th></tr></thead>
    <tbody>${sla.clocks.map(k => `
      <tr data-clock-id="${esc(k.id)}"><td>${esc(label(PHASE, k.phase))}</td><td>${esc(label(LEVEL, k.level))}</td>
        <td>${esc(k.departmentName || k.unitName || k.unitCode)}</td><td>${esc(limitText(k.limit))}${k.counting === 'WORKING' ? '（工作时间）' : ''}</td>
        <td>${esc(dateTime(k.dueAt))}</td><td>${slaBadge(k.state, durationMillis(k.remaining))}</td></tr>`).join('')}
    </tbody></table></div></section>`;
}

function pendingTimers(timers) {
  if (!timers || !timers.length) return '';
  return `<section><h2>待触发的定时器</h2><ul class="plain">${timers.map(t => `
    <li><time>${esc(dateTime(t.dueAt))}</time> ${esc(t.name)}：${esc(t.description || t.action)}${t.held ? '（已暂停）' : ''}</li>`).join('')}
  </ul></section>`;
}

/** Each whistled department with the state of its latest clock (报到, then 办结). */
function whistleSection(whistles, sla) {
  if (!whistles || !whistles.items.length) return '';
  const clocksOf = code => ((sla && sla.clocks) || []).filter(k => k.departmentCode === code);
  const department = code => {
    const latest = clocksOf(code).slice(-1)[0];
    return latest
      ? `${esc(latest.departmentName || code)}（${esc(label(PHASE, latest.phase))} ${slaBadge(latest.state, durationMillis(latest.remaining))}）`
      : esc(code);
  };
  return `<section><h2>吹哨报到</h2><ul class="plain">${whistles.items.map(w => `
    <li>${esc(dateTime(w.blownAt))} ${esc(w.blownByUnitName || w.blownByUnit || '')} 吹哨：
      ${(w.departments || []).map(department).join('、')}
      ${w.judgement ? `<span class="tag">${w.judgement === 'FRIVOLOUS' ? '乱吹哨' : '吹哨得当'}</span>` : ''}</li>`).join('')}
  </ul></section>`;
}

function supervision(orders) {
  if (!orders || !orders.items.length) return '';
  return `<section><h2>督办单</h2><ul class="plain">${orders.items.map(o => `
    <li><b>${esc(o.departmentName || o.departmentCode)}</b> ${esc(o.reason)} · 回复期限 ${esc(dateTime(o.replyDueAt))}
      <span class="tag">${esc(label(SUPERVISION, o.status))}</span>${o.reply ? `<br>回复：${esc(o.reply)}` : ''}</li>`).join('')}
  </ul></section>`;
}

function mediationRecord(m) {
  if (!m) return '';
  return `<section><h2>调解记录</h2>
    <dl class="facts"><dt>调解组织</dt><dd>${esc(m.villageName || m.villageCode)}${m.brandRoom ? ' · ' + esc(m.brandRoom.name) : ''}</dd>
      <dt>当前层级</dt><dd>${esc(label(LEVEL, m.level))}</dd><dt>状态</dt><dd>${esc(label(MEDIATION_STATUS, m.status))}</dd>
      ${m.parties ? `<dt>当事人</dt><dd class="pre">${esc(m.parties)}</dd>` : ''}
      ${m.levelDueAt ? `<dt>本级期限</dt><dd>${esc(dateTime(m.levelDueAt))}</dd>` : ''}
      ${m.resultSummary ? `<dt>调解结果</dt><dd>${esc(m.resultSummary)}</dd>` : ''}</dl>
    <ol class="sessions">${m.sessions.map(s => `<li>${esc(dateTime(s.heldAt))} ${esc(label(LEVEL, s.level))} · ${esc(s.participants)}：${esc(s.summary)}</li>`).join('')}</ol>
    ${m.agreement ? `<p>人民调解协议书 ${esc(m.agreement.number)} <button type="button" id="agreement" class="secondary" data-href="${esc(m.agreement.href)}">打印协议书</button></p>` : ''}
  </section>`;
}

/** The printable agreement is an API resource: fetched with the token, opened as a page to print. */
async function openAgreement(href) {
  const response = await fetch(href, { headers: { Authorization: 'Bearer ' + await accessToken(), Accept: 'text/html' } });
  const html = await response.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank');
}
