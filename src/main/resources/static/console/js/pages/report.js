// 上报: report a case through POST /cases — the category from the catalogue, the place from the org tree.
import { api } from '../api.js';
import { person } from '../auth.js';
import { esc, label, CHANNEL, LEVEL } from '../format.js';
import { clearErrors, requiredFilled, showProblem } from '../forms.js';
import { upload } from '../photos.js';

const PLACE_LEVELS = ['TOWNSHIP', 'VILLAGE', 'GRID', 'MICRO_GRID'];

export async function render(main) {
  const [categories, units] = await Promise.all([api('/catalog/categories'), api('/org/units')]);
  const kinds = [...new Set(categories.map(c => c.kind))];
  main.innerHTML = `
    <h1>上报</h1>
    <form id="report" class="task-form" novalidate>
      <label class="field"><span>事项类别 <span class="required">*</span></span>
        <select name="categoryCode" data-field="categoryCode" required><option value="">请选择</option>
          ${kinds.map(kind => `<optgroup label="${esc(kind)}">${categories.filter(c => c.kind === kind)
            .map(c => `<option value="${esc(c.code)}">${esc(c.name)}</option>`).join('')}</optgroup>`).join('')}
        </select></label>
      <p class="error" data-error-for="categoryCode"></p>
      <fieldset class="place"><legend>发生地点 <span class="required">*</span></legend>
        ${PLACE_LEVELS.map(level => `<label class="field"><span>${esc(label(LEVEL, level))}</span>
          <select data-level="${level}" data-slot="location.unitCode" ${level === 'TOWNSHIP' ? 'required' : ''}>
            <option value="">${level === 'TOWNSHIP' ? '请选择' : '（不细分）'}</option></select></label>`).join('')}
      </fieldset>
      <p class="error" data-error-for="location.unitCode"></p>
      <label class="field"><span>详细地址 <span class="required">*</span></span><input type="text" name="address" maxlength="500" data-field="location.address" required></label>
      <p class="error" data-error-for="location.address"></p>
      <label class="field"><span>标题 <span class="required">*</span></span><input type="text" name="title" maxlength="200" data-field="title" required></label>
      <p class="error" data-error-for="title"></p>
      <label class="field"><span>问题描述 <span class="required">*</span></span><textarea name="description" rows="4" maxlength="4000" data-field="description" required></textarea></label>
      <p class="error" data-error-for="description"></p>
      <label class="field"><span>来源</span><select name="channel">${Object.keys(CHANNEL).map(c => `<option value="${c}">${esc(CHANNEL[c])}</option>`).join('')}</select></label>
      <div class="row">
        <label class="field"><span>反映人</span><input type="text" name="reporterName" maxlength="100" data-field="reporter.name"></label>
        <label class="field"><span>联系电话</span><input type="tel" name="reporterPhone" maxlength="32" data-field="reporter.phone"></label>
      </div>
      <p class="error" data-error-for="reporter.name"></p>
      <p class="error" data-error-for="reporter.phone"></p>
      <label class="field"><span>照片（可拍照）</span><input type="file" name="photos" accept="image/jpeg,image/png,application/pdf" capture="environment" multiple data-field="file"></label>
      <p class="error" data-error-for="file"></p>
      <p class="form-error"></p>
      <button type="submit">上报</button>
    </form>`;
  const form = main.querySelector('#report');
  placePicker(form, units);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await submit(main, form);
  });
}

/** Township → village → grid → micro-grid, each list the children of the one above; mine chosen to start with. */
function placePicker(form, units) {
  const selects = PLACE_LEVELS.map(level => form.querySelector(`select[data-level="${level}"]`));
  const byCode = Object.fromEntries(units.map(u => [u.code, u]));
  const fill = (index, parent) => {
    const select = selects[index];
    select.length = 1;
    units.filter(u => u.level === PLACE_LEVELS[index] && (index === 0 || u.parentCode === parent))
      .forEach(u => select.add(new Option(u.name, u.code)));
    select.disabled = select.length === 1;
  };
  const clearBelow = index => { for (let i = index + 1; i < selects.length; i++) { fill(i, selects[i - 1].value || '-'); } };
  fill(0);
  clearBelow(0);
  selects.forEach((select, index) => select.addEventListener('change', () => clearBelow(index)));
  const mine = person().orgCodes.map(code => byCode[code]).filter(u => u && PLACE_LEVELS.includes(u.level))[0];
  if (mine) {
    const path = [];
    for (let u = mine; u && PLACE_LEVELS.includes(u.level); u = byCode[u.parentCode]) path.unshift(u.code);
    path.forEach((code, index) => { selects[index].value = code; clearBelow(index); });
  }
}

const chosenUnit = form => [...form.querySelectorAll('select[data-level]')].map(s => s.value).filter(Boolean).pop();

async function submit(main, form) {
  clearErrors(form);
  if (!requiredFilled(form)) return;
  const reporter = {};
  if (form.reporterName.value.trim()) reporter.name = form.reporterName.value.trim();
  if (form.reporterPhone.value.trim()) reporter.phone = form.reporterPhone.value.trim();
  const report = {
    channel: form.channel.value, categoryCode: form.categoryCode.value, title: form.title.value.trim(),
    description: form.description.value.trim(),
    location: { address: form.address.value.trim(), unitCode: chosenUnit(form) },
    ...(Object.keys(reporter).length ? { reporter } : {}),
  };
  let created;
  try {
    created = await api('/cases', { method: 'POST', body: report, headers: { 'Idempotency-Key': idempotencyKey(form) } });
  } catch (e) {
    if (e.status) delete form.dataset.key; // refused: nothing was stored, the corrected form is a new report
    showProblem(form, e);
    return;
  }
  try {
    await upload(created.id, [...form.photos.files], 'BEFORE');
    location.hash = '#/case/' + encodeURIComponent(created.id);
  } catch (e) {
    showProblem(form, e);
    form.querySelector('.form-error').innerHTML = `案卷 <a href="#/case/${encodeURIComponent(created.id)}">${esc(created.caseNumber)}</a>
      已上报，照片未能上传：${esc(e.message)}`;
  }
}

/** One key per filled-in form: sending it twice (a flaky mobile network) reports the case once. */
function idempotencyKey(form) {
  if (!form.dataset.key) {
    form.dataset.key = crypto.randomUUID ? crypto.randomUUID()
      : [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
  }
  return form.dataset.key;
}
