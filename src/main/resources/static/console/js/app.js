// The console's router: #/tasks, #/task/{id}, #/case/{id}, #/report, #/board, #/map, #/reports[/{unit}/{month}].
import { signIn, person, signOut } from './auth.js';
import { esc, problemText } from './format.js';
import * as worklist from './pages/worklist.js';
import * as task from './pages/task.js';
import * as casefile from './pages/case.js';
import * as report from './pages/report.js';
import * as board from './pages/board.js';
import * as map from './pages/map.js';
import * as reports from './pages/reports.js';

const routes = [
  [/^#\/tasks$/, worklist, 'tasks'],
  [/^#\/task\/([^/]+)$/, task, 'tasks'],
  [/^#\/case\/([^/]+)$/, casefile, ''],
  [/^#\/report$/, report, 'report'],
  [/^#\/board$/, board, 'board'],
  [/^#\/map$/, map, 'map'],
  [/^#\/reports(?:\/([^/]+)\/([^/]+))?$/, reports, 'reports'],
];

let config;
let leave = () => {};

async function show() {
  const hash = location.hash || '#/tasks';
  const [, page, nav] = routes.find(([pattern]) => pattern.test(hash)) || routes[0];
  const args = (hash.match(routes.find(([p]) => p.test(hash))?.[0] || /$^/) || []).slice(1);
  leave();
  leave = () => {};
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === nav));
  const main = document.getElementById('page');
  main.innerHTML = '<p class="muted">加载中…</p>';
  try {
    leave = (await page.render(main, args.map(a => a === undefined ? undefined : decodeURIComponent(a)), config)) || (() => {});
  } catch (e) {
    main.innerHTML = `<p class="error">${esc(problemText(e))}</p>`;
  }
}

async function start() {
  config = await (await fetch('/console/config.json')).json();
  await signIn(config);
  const me = person();
  document.getElementById('who').textContent = me.name;
  document.getElementById('signout').addEventListener('click', signOut);
  // a page's link shows for the roles its API operations serve (x-casegrid-roles); the API still decides
  document.querySelectorAll('#nav a[data-roles]').forEach(a => {
    a.hidden = !a.dataset.roles.split(' ').some(role => me.roles.includes(role));
  });
  window.addEventListener('hashchange', show);
  await show();
}

start().catch(e => {
  document.getElementById('page').innerHTML = `<p class="error">${esc(problemText(e))}</p>`;
});
