// Field errors, the same way on every form: a required field left empty is named before anything is sent; what the
// API refuses (problem+json `errors`, by field path) is shown on the field it names, anything else above the button.
import { problemText } from './format.js';

const slotName = input => input.dataset.slot || input.dataset.field || input.name;

export function clearErrors(form) {
  form.querySelectorAll('.error[data-error-for], .form-error').forEach(p => { p.textContent = ''; });
  form.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
}

function slot(scope, name) {
  return scope.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
}

function mark(scope, name, message) {
  const target = slot(scope, name);
  if (!target) return false;
  target.textContent = message;
  scope.querySelectorAll('[data-field], [data-slot], [name]').forEach(input => {
    if (slotName(input) === name) input.classList.add('invalid');
  });
  return true;
}

/** Marks every visible required input left empty; true when there was none. */
export function requiredFilled(scope) {
  let filled = true;
  scope.querySelectorAll('[required]').forEach(input => {
    if (!input.closest('[hidden]') && !String(input.value).trim()) {
      mark(scope, slotName(input), input.tagName === 'SELECT' ? '请选择' : '此项必填');
      filled = false;
    }
  });
  if (!filled) general(scope, '请填写标 * 的项目');
  return filled;
}

/** Shows an API error on the fields it names (paths such as fields.resolution or location.unitCode). */
export function showProblem(scope, error, fieldName = path => path) {
  const errors = (error.problem && error.problem.errors) || [];
  const placed = errors.filter(e => mark(scope, fieldName(e.field), e.message)).length;
  general(scope, placed ? '请按提示修改后再提交' : problemText(error));
}

function general(scope, message) {
  const target = scope.querySelector('.form-error');
  if (target) target.textContent = message;
}
