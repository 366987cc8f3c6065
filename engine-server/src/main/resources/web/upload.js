import * as api from './api.js';
import { h } from './dom.js';

/**
 * Drop several recordings (or choose them) to upload them to a use case, each through the API's presigned
 * two-step flow: an upload link, then the file itself, with its progress shown. {@code onUploaded} runs after
 * each file that arrived.
 */
export function uploader(session, useCaseUuid, onUploaded) {
  const input = h('input', { type: 'file', multiple: true, accept: 'audio/*,video/webm,.wav,.mp3,.ogg,.opus,.flac,.m4a,.webm' });
  const list = h('ul', { class: 'uploads', 'aria-live': 'polite' });
  const zone = h('div', { class: 'dropzone', on: {
    dragover: (event) => { event.preventDefault(); zone.classList.add('over'); },
    dragleave: () => zone.classList.remove('over'),
    drop: (event) => { event.preventDefault(); zone.classList.remove('over'); send([...event.dataTransfer.files]); },
  } }, h('p', {}, 'Drop recordings here, or '), h('label', { class: 'button' }, 'choose files', input));
  input.addEventListener('change', () => send([...input.files]));
  return h('section', { 'aria-label': 'Upload' }, zone, list);

  function send(files) {
    for (const file of files) upload(file);
  }

  async function upload(file) {
    const progress = h('progress', { max: 100, value: 0, 'aria-label': `Upload of ${file.name}` });
    const status = h('span', { class: 'status' }, 'waiting');
    list.append(h('li', {}, h('span', { class: 'name' }, file.name), progress, status));
    try {
      const link = await api.call(`${api.BASE}/web/default/create-upload-link`, {
        method: 'POST',
        body: {
          file_name: file.name,
          file_size: file.size,
          content_type: file.type || 'application/octet-stream',
          metadata: { usecase_uuid: useCaseUuid, call_date: new Date().toISOString().slice(0, 10) },
        },
      });
      const target = new URL(link.upload_url); // the path on this origin, whatever host the server signs with
      await put(target.pathname + target.search, file, (share) => {
        progress.value = share;
        status.textContent = `${share}%`;
      });
      progress.value = 100;
      status.textContent = 'uploaded, queued';
      onUploaded();
    } catch (e) {
      status.textContent = e.message;
      status.classList.add('error');
    }
  }
}

/** PUT with upload progress (fetch has none): resolves on 2xx, rejects with the API's message otherwise. */
function put(url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        resolve();
        return;
      }
      let message = `HTTP ${request.status}`;
      try { message = JSON.parse(request.responseText).error.message; } catch { /* not the API's error */ }
      reject(new Error(message));
    });
    request.addEventListener('error', () => reject(new Error('the connection failed')));
    request.send(file);
  });
}
