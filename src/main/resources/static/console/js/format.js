// Words and colours shared by the pages. Labels of the API's codes; the codes themselves come from the API.
export const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

export const STEP = { REPORTED: '问题上报', FILED: '案卷建立', DISPATCHED: '任务指派', HANDLING: '调查落实', FEEDBACK: '反馈结果', ARCHIVED: '结案归档' };
export const PRIORITY = { URGENT: '紧急', HIGH: '优先', NORMAL: '普通' };
export const TRACK = { GRID: '网格办理', DEPARTMENT: '部门办理', DISPUTE: '矛盾纠纷调解', EMERGENCY: '突发事件' };
export const LEVEL = { GRID: '网格', VILLAGE: '村/社区', TOWNSHIP: '乡镇/街道', COUNTY: '县综治中心', DEPARTMENT: '职能部门',
  MICRO_GRID: '微网格', BRAND_ROOM: '品牌调解室', THREE_HEADS: '三长会商' };
export const PHASE = { ACCEPTANCE: '签收/报到', DISPATCH: '派单', REPLY: '回音', HANDLING: '办结', FEEDBACK: '反馈', RETURN_VISIT: '回访', MEDIATION: '调解' };
export const CLOCK = { RUNNING: '正常', AT_RISK: '即将超时', BREACHED: '已超时', PAUSED: '暂停', MET: '按时完成', ESCALATED: '已升级', RETURNED: '退单' };
export const CHANNEL = { GRID_REPORT: '网格上报', HOTLINE_12345: '12345热线', VISIT: '群众来访', SUPERIOR_ASSIGNMENT: '上级交办',
  RESIDENT_APP: '居民端', DEPUTY: '代表委员吹哨', VIDEO_PATROL: '视频巡查' };
export const MEDIATION_STATUS = { RECEIVED: '待受理', IN_PROGRESS: '调解中', SETTLED: '调解成功', REFERRED: '已转介', CONCLUDED: '已结束' };
export const SUPERVISION = { OPEN: '待回复', REPLIED: '已回复', ACCEPTED: '已通过', MISSED: '逾期未复' };

export const label = (words, code) => words[code] || code || '';

export function dateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  const two = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A span of milliseconds in words: 2天3小时, 3小时5分, 12分. */
export function span(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440), hours = Math.floor(minutes % 1440 / 60), rest = minutes % 60;
  if (days) return `${days}天${hours}小时`;
  if (hours) return `${hours}小时${rest}分`;
  return `${rest}分`;
}

/** ISO-8601 duration (PT-1H30M, P1DT2H) in milliseconds. */
export function durationMillis(iso) {
  const m = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(iso || '');
  if (!m) return null;
  const ms = ((+m[2] || 0) * 86400 + (+m[3] || 0) * 3600 + (+m[4] || 0) * 60 + (+m[5] || 0)) * 1000;
  return m[1] ? -ms : ms;
}

/** An ISO-8601 limit in words: P2D → 2天, PT2H → 2小时, PT30M → 30分钟. */
export const limitText = iso => (iso || '').replace(/^P/, '').replace('T', '')
  .replace(/(\d+)D/, '$1天').replace(/(\d+)H/, '$1小时').replace(/(\d+)M/, '$1分钟').replace(/(\d+)S/, '$1秒');

/** The SLA state as the colour people read: 正常 (green), 即将超时 (amber), 已超时 (red), and the time left. */
export function slaBadge(state, remainingMs) {
  if (!state) return '<span class="sla sla-none">无时限</span>';
  let left = '';
  if (remainingMs !== null && remainingMs !== undefined && ['RUNNING', 'AT_RISK', 'BREACHED'].includes(state)) {
    left = remainingMs >= 0 ? ` · 剩${span(remainingMs)}` : ` · 超${span(remainingMs)}`;
  }
  return `<span class="sla sla-${state.toLowerCase()}" data-sla="${esc(state)}">${esc(label(CLOCK, state))}${left}</span>`;
}

export const priorityBadge = p => p ? `<span class="prio prio-${p.toLowerCase()}">${esc(label(PRIORITY, p))}</span>` : '';

export function problemText(error) {
  return error && error.message ? error.message : String(error);
}
