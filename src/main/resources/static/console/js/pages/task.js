// 办理: the task's form, drawn from what GET /tasks/{id} returns (its outcomes and each outcome's fields, with their
// labels, types, required marks and choices); submitted through POST /tasks/{id}/complete like any other client.
import { api, optional } from '../api.js';
import { person } from '../auth.js';
import { esc, slaBadge, priorityBadge, dateTime, durationMillis, label, MEDIATION_STATUS, LEVEL } from '../format.js';
import { clearErrors, requiredFilled, showProblem } from '../forms.js';
import { upload } from '../photos.js';

export async function render(main, [taskId]) {
  const task = await api(`/tasks/${encodeURIComponent(taskId)}`);
  const me = person().username;
  main.innerHTML = `
    <h1>${esc(task.name)} ${priorityBadge(task.priority)}</h1>
    <p class="card-meta">
      <a href="#/case/${encodeURIComponent(task.caseId)}">案卷 ${esc(task.caseNumber || '')}</a>
      ${slaBadge(task.slaState, durationMillis(task.remaining))}
      ${task.due ? `<span>时限 ${esc(dateTime(task.due))}</span>` : ''}
      <span>${task.assignee ? '办理人 ' + esc(task.assigneeName || task.assignee) : '未签收'}</span>
      ${!task.assignee ? '<button type="button" id="claim">签收</button>' : ''}
    </p>
    <section id="mediation"></section>
    <form id="photo" class="task-form" novalidate>
      <label class="field"><span>上传照片</span><input type="file" name="photos" accept="image/jpeg,image/png,application/pdf" capture="environment" multiple data-field="file"></label>
      <p class="error" data-error-for="file"></p>
      <label class="field"><span>照片类别</span><select name="tag"><option value="AFTER">整改后</option><option value="BEFORE">整改前</option><option value="">其他</option></select></label>
      <p class="form-error"></p>
      <button type="submit" class="secondary">上传</button>
      <p class="muted" id="photo-count"></p>
    </form>
    <form id="complete" class="task-form" novalidate>
      <fieldset class="outcomes"><legend>办理结果 <span class="required" title="必填">*</span></legend>
        ${task.outcomes.map((o, i) => `
          <label class="outcome"><input type="radio" name="outcome" value="${esc(o.code)}" data-slot="outcome" ${i === 0 && task.outcomes.length === 1 ? 'checked' : ''}> ${esc(o.label)}</label>`).join('')}
      </fieldset>
      <p class="error" data-error-for="outcome"></p>
      ${task.outcomes.map(o => `
        <div class="outcome-fields" data-outcome="${esc(o.code)}" hidden>
          ${o.fields.map(field => fieldInput(o.code, field)).join('')}
        </div>`).join('')}
      <label class="field"><span>备注</span><textarea name="comment" maxlength="2000" rows="2" data-field="comment"></textarea></label>
      <p class="error" data-error-for="comment"></p>
      <p class="error" data-error-for="afterPhoto"></p>
      <p class="form-error"></p>
      <button type="submit">提交</button>
    </form>`;
  const claim = main.querySelector('#claim');
  if (claim) {
    claim.addEventListener('click', async () => {
      await api(`/tasks/${encodeURIComponent(taskId)}/claim`, { method: 'POST' });
      await render(main, [taskId]);
    });
  }
  const form = main.querySelector('#complete');
  await fillOrgUnits(form);
  const showFields = () => form.querySelectorAll('.outcome-fields')
    .forEach(div => { div.hidden = div.dataset.outcome !== chosen(form); });
  form.addEventListener('change', showFields);
  showFields();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await submit(main, form, task);
  });
  photoForm(main.querySelector('#photo'), task.caseId);
  await mediationSection(main.querySelector('#mediation'), task.caseId, me);
}

/** Photos for the task (e.g. 整改后, which some categories need before 办结), uploaded to the case. */
function photoForm(form, caseId) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const files = [...form.photos.files];
    if (!files.length) {
      form.querySelector('[data-error-for="file"]').textContent = '请选择照片';
      return;
    }
    try {
      await upload(caseId, files, form.tag.value);
      form.querySelector('#photo-count').textContent = `已上传 ${files.length} 个文件`;
      form.photos.value = '';
    } catch (e) {
      showProblem(form, e);
    }
  });
}

const chosen = form => (form.querySelector('input[name=outcome]:checked') || {}).value;

/** A choice: the value sent, the form's label shown. */
const option = c => `<option value="${esc(c.value)}">${esc(c.label)}</option>`;

function fieldInput(outcome, field) {
  const id = `f-${outcome}-${field.name}`;
  const common = `id="${esc(id)}" name="${esc(field.name)}" data-field="${esc(field.name)}" ${field.required ? 'required' : ''}`;
  let input;
  if (field.choices && field.choices.length) {
    input = `<select ${common}><option value="">请选择</option>${field.choices.map(option).join('')}</select>`;
  } else if (field.type === 'DATE_TIME') {
    input = `<input type="datetime-local" ${common}>`;
  } else if (field.type === 'ORG_UNIT') {
    input = `<select ${common} data-org-units><option value="">请选择单位</option></select>`;
  } else if (!field.maxLength || field.maxLength > 200) {
    input = `<textarea ${common} rows="3" ${field.maxLength ? `maxlength="${field.maxLength}"` : ''}></textarea>`;
  } else {
    input = `<input type="text" ${common} maxlength="${field.maxLength}">`;
  }
  return `
    <label class="field" for="${esc(id)}"><span>${esc(field.label)}${field.required ? ' <span class="required" title="必填">*</span>' : ''}</span>
      ${input}</label>
    <p class="error" data-error-for="${esc(field.name)}"></p>`;
}

/** ORG_UNIT fields choose among the units the API lists for the caller. */
async function fillOrgUnits(form) {
  const selects = form.querySelectorAll('select[data-org-units]');
  if (!selects.length) return;
  const units = await api('/org/units');
  const options = units.map(u => `<option value="${esc(u.code)}">${esc(u.name)}（${esc(label(LEVEL, u.level))}）</option>`).join('');
  selects.forEach(select => select.insertAdjacentHTML('beforeend', options));
}

async function submit(main, form, task) {
  clearErrors(form);
  const outcome = chosen(form);
  if (!outcome) {
    form.querySelector('[data-error-for="outcome"]').textContent = '请选择办理结果';
    return;
  }
  const block = form.querySelector(`.outcome-fields[data-outcome="${CSS.escape(outcome)}"]`);
  if (!requiredFilled(block) ) {
    form.querySelector('.form-error').textContent = '请填写标 * 的项目';
    return;
  }
  const fields = {};
  block.querySelectorAll('[data-field]').forEach(input => {
    if (input.value !== '') {
      fields[input.name] = input.type === 'datetime-local' ? new Date(input.value).toISOString() : input.value;
    }
  });
  const comment = form.comment.value.trim();
  try {
    await api(`/tasks/${encodeURIComponent(task.id)}/complete`, {
      method: 'POST', body: { outcome, fields, ...(comment ? { comment } : {}) },
    });
    main.innerHTML = `<p class="ok" id="done">已提交：${esc(task.name)}</p>
      <p><a class="button" href="#/tasks">返回待办</a> <a href="#/case/${encodeURIComponent(task.caseId)}">查看案卷</a></p>`;
  } catch (e) {
    // the API names a form field as fields.<name>; it is shown in the chosen outcome's block
    showProblem(form, e, path => path.replace(/^fields\./, ''));
  }
}

async function mediationSection(section, caseId, me) {
  const record = await optional(`/cases/${encodeURIComponent(caseId)}/mediation`);
  if (!record || record.status !== 'IN_PROGRESS') {
    section.remove();
    return;
  }
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  section.innerHTML = `
    <h2>调解记录 · ${esc(label(LEVEL, record.level))} · ${esc(label(MEDIATION_STATUS, record.status))}</h2>
    <ol class="sessions">${record.sessions.map(s => `<li>${esc(dateTime(s.heldAt))} ${esc(s.participants)}：${esc(s.summary)}</li>`).join('') || '<li class="muted">尚无调解会记录</li>'}</ol>
    <form id="session" class="task-form" novalidate>
      <h3>记录一次调解</h3>
      <label class="field"><span>调解时间 <span class="required">*</span></span><input type="datetime-local" name="heldAt" value="${now}" required></label>
      <p class="error" data-error-for="heldAt"></p>
      <label class="field"><span>参加人员 <span class="required">*</span></span><input type="text" name="participants" maxlength="1000" required></label>
      <p class="error" data-error-for="participants"></p>
      <label class="field"><span>调解情况 <span class="required">*</span></span><textarea name="summary" rows="3" maxlength="4000" required></textarea></label>
      <p class="error" data-error-for="summary"></p>
      <p class="form-error"></p>
      <button type="submit" class="secondary">保存调解记录</button>
    </form>`;
  const form = section.querySelector('#session');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    if (!requiredFilled(form)) return;
    try {
      await api(`/cases/${encodeURIComponent(caseId)}/mediation/sessions`, {
        method: 'POST',
        body: { heldAt: new Date(form.heldAt.value).toISOString(), participants: form.participants.value, summary: form.summary.value },
      });
      await mediationSection(section, caseId, me);
    } catch (e) {
      showProblem(form, e);
    }
  });
}
