// 地图: open cases by place on a Leaflet map. Tiles come from the county's tile URL (casegrid.console.tile-url);
// without one (or offline) the org registry's units are drawn on a plain background, so the map always works.
import { api, query } from '../api.js';
import { esc, label, LEVEL } from '../format.js';

const RADIUS = { COUNTY: 14, TOWNSHIP: 11, VILLAGE: 8, GRID: 6, MICRO_GRID: 4 };

export async function render(main, args, config) {
  const [units, cases] = await Promise.all([api('/org/units'), openCases()]);
  main.innerHTML = `
    <h1>地图</h1>
    <p class="muted" id="map-note"></p>
    <div id="map" class="map ${config.tileUrl ? '' : 'offline'}"></div>
    <ul class="plain" id="map-list"></ul>`;
  const byCode = Object.fromEntries(units.map(u => [u.code, u]));
  // places only: departments have offices, not areas where cases happen
  const placed = units.filter(u => u.level !== 'DEPARTMENT' && u.latitude != null && u.longitude != null);
  const map = L.map(main.querySelector('#map'), { attributionControl: !!config.tileUrl, zoomSnap: 0.25 });
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 18 }).addTo(map);
  }
  main.querySelector('#map-note').textContent = config.tileUrl ? '' : '离线底图：按组织机构登记的位置绘制各单位（未配置瓦片地址）';
  placed.forEach(u => {
    const parent = byCode[u.parentCode];
    if (parent && parent.latitude != null) {
      L.polyline([[parent.latitude, parent.longitude], [u.latitude, u.longitude]], { color: '#9aa5b1', weight: 1 }).addTo(map);
    }
  });
  const casesAt = {};
  cases.forEach(c => {
    let unit = byCode[c.unitCode];
    while (unit && unit.latitude == null) unit = byCode[unit.parentCode];
    if (unit) (casesAt[unit.code] = casesAt[unit.code] || []).push(c);
  });
  placed.forEach(u => {
    const here = casesAt[u.code] || [];
    const marker = L.circleMarker([u.latitude, u.longitude], {
      radius: RADIUS[u.level] + Math.min(here.length, 10), weight: 1,
      color: here.length ? '#b42318' : '#52606d', fillColor: here.length ? '#f04438' : '#cbd2d9', fillOpacity: 0.8,
    }).addTo(map);
    marker.bindTooltip(`${esc(u.name)}${here.length ? `：${here.length}件` : ''}`, { permanent: u.level === 'TOWNSHIP' || here.length > 0, direction: 'right' });
    marker.bindPopup(`<b>${esc(u.name)}</b>（${esc(label(LEVEL, u.level))}）<br>${here.map(c =>
      `<a href="#/case/${encodeURIComponent(c.id)}">${esc(c.caseNumber)} ${esc(c.title)}</a>`).join('<br>') || '无在办案件'}`);
    marker.getElement()?.setAttribute('data-unit', u.code);
  });
  if (placed.length) {
    map.fitBounds(L.latLngBounds(placed.map(u => [u.latitude, u.longitude])), { padding: [30, 30] });
  } else {
    map.setView([35, 105], 4);
  }
  main.querySelector('#map-list').innerHTML = Object.entries(casesAt).map(([code, list]) =>
    `<li data-unit="${esc(code)}">${esc(byCode[code].name)}：在办 ${list.length} 件</li>`).join('') || '<li class="muted">没有在办案件</li>';
  main.querySelector('#map').dataset.units = placed.length;
  return () => map.remove();
}

/** The caller's open cases (every step before 结案归档), newest first, one page. */
async function openCases() {
  const page = await api('/cases' + query({ size: 200 }));
  return page.items.filter(c => c.step !== 'ARCHIVED');
}
