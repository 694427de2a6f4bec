// 我的待办: the tasks of my groups and my place, as GET /tasks returns them.
import { api, query } from '../api.js';
import { person } from '../auth.js';
import { esc, slaBadge, priorityBadge, dateTime, durationMillis, problemText } from '../format.js';

const filters = { sort: 'due', sla: '', priority: '', mine: false };

export async function render(main) {
  main.innerHTML = `
    <h1>我的待办</h1>
    <form class="filters" id="filters">
      <label>排序 <select name="sort">
        <option value="due">按时限</option><option value="priority">按优先级</option><option value="created">按创建时间</option>
      </select></label>
      <label>时限 <select name="sla">
        <option value="">全部</option><option value="RUNNING">正常</option><option value="AT_RISK">即将超时</option>
        <option value="BREACHED">已超时</option>
      </select></label>
      <label>优先级 <select name="priority">
        <option value="">全部</option><option value="URGENT">紧急</option><option value="HIGH">优先</option><option value="NORMAL">普通</option>
      </select></label>
      <label class="check"><input type="checkbox" name="mine"> 只看我签收的</label>
    </form>
    <p class="muted" id="count"></p>
    <ul class="cards" id="tasks"></ul>`;
  const form = main.querySelector('#filters');
  form.sort.value = filters.sort;
  form.sla.value = filters.sla;
  form.priority.value = filters.priority;
  form.mine.checked = filters.mine;
  form.addEventListener('change', () => {
    Object.assign(filters, { sort: form.sort.value, sla: form.sla.value, priority: form.priority.value, mine: form.mine.checked });
    load(main);
  });
  await load(main);
}

async function load(main) {
  const me = person().username;
  const page = await api('/tasks' + query({ sort: filters.sort, size: 200, assignee: filters.mine ? me : '' }));
  const tasks = page.items
    .filter(t => !filters.sla || t.slaState === filters.sla)
    .filter(t => !filters.priority || t.priority === filters.priority);
  main.querySelector('#count').textContent = `共 ${tasks.length} 项` + (tasks.length < page.items.length ? `（筛选自 ${page.items.length} 项）` : '');
  const list = main.querySelector('#tasks');
  list.innerHTML = tasks.length ? tasks.map(t => card(t, me)).join('') : '<li class="empty">没有待办任务</li>';
  list.querySelectorAll('button[data-action]').forEach(button => button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api(`/tasks/${encodeURIComponent(button.dataset.task)}/${button.dataset.action}`, { method: 'POST' });
      await load(main);
    } catch (e) {
      button.disabled = false;
      button.insertAdjacentHTML('afterend', `<span class="error">${esc(problemText(e))}</span>`);
    }
  }));
}

function card(task, me) {
  const remaining = durationMillis(task.remaining); // the server's figure: this device's clock may be wrong
  const claim = !task.assignee
    ? `<button type="button" data-action="claim" data-task="${esc(task.id)}">签收</button>`
    : task.assignee === me ? `<button type="button" class="secondary" data-action="unclaim" data-task="${esc(task.id)}">退回</button>` : '';
  return `
    <li class="card sla-edge-${esc((task.slaState || 'none').toLowerCase())}" data-task-id="${esc(task.id)}" data-task-key="${esc(task.taskKey)}" data-case-id="${esc(task.caseId)}">
      <div class="card-head">
        <a class="title" href="#/task/${encodeURIComponent(task.id)}">${esc(task.name)}</a>
        ${priorityBadge(task.priority)} ${task.redo ? '<span class="tag">重办</span>' : ''}
      </div>
      <div class="card-meta">
        <a href="#/case/${encodeURIComponent(task.caseId)}">${esc(task.caseNumber || '案卷')}</a>
        ${slaBadge(task.slaState, remaining)}
        ${task.due ? `<span>时限 ${esc(dateTime(task.due))}</span>` : ''}
        <span>${task.assignee ? '办理人 ' + esc(task.assigneeName || task.assignee) : '未签收'}</span>
      </div>
      <div class="card-actions">
        <a class="button" href="#/task/${encodeURIComponent(task.id)}">办理</a> ${claim}
      </div>
    </li>`;
}
