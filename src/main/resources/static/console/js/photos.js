// Photos: uploaded one file per request to POST /cases/{id}/attachments (multipart, part `file`, optional `tag`),
// shown as thumbnails read through the API with the token.
import { api } from './api.js';
import { accessToken } from './auth.js';
import { esc, dateTime } from './format.js';

export const TAG = { BEFORE: '整改前', AFTER: '整改后' };

export async function upload(caseId, files, tag) {
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    if (tag) form.append('tag', tag);
    await api(`/cases/${encodeURIComponent(caseId)}/attachments`, { method: 'POST', body: form });
  }
}

/** The case's uploaded files as thumbnails (a PDF by name); a click opens the file. */
export function gallery(attachments) {
  return `<ul class="photos">${attachments.map(a => `
    <li data-attachment-id="${esc(a.id)}">
      <a href="#" data-open="${esc(a.uri)}">${a.thumbnailUri ? `<img alt="${esc(a.name)}" data-src="${esc(a.thumbnailUri)}">` : ''}</a>
      <span>${esc(a.name)}${a.tag ? ' · ' + esc(TAG[a.tag] || a.tag) : ''}<br>${esc(a.uploadedByName || a.uploadedBy)} ${esc(dateTime(a.capturedAt || a.uploadedAt))}</span>
    </li>`).join('')}</ul>`;
}

async function blobUrl(uri) {
  const response = await fetch(uri, { headers: { Authorization: 'Bearer ' + await accessToken() } });
  return response.ok ? URL.createObjectURL(await response.blob()) : null;
}

/** Loads the thumbnails of a gallery and makes its links open the files. */
export function activate(scope) {
  scope.querySelectorAll('img[data-src]').forEach(async img => {
    const src = img.dataset.src;
    img.src = src.startsWith('/api/') ? (await blobUrl(src)) || '' : src;
  });
  scope.querySelectorAll('a[data-open]').forEach(link => link.addEventListener('click', async event => {
    event.preventDefault();
    const url = link.dataset.open.startsWith('/api/') ? await blobUrl(link.dataset.open) : link.dataset.open;
    if (url) window.open(url, '_blank');
  }));
}
