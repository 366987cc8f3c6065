import * as api from './api.js';
import { h, show } from './dom.js';

/**
 * One recording: the audio with a speaker timeline, the transcript in speaker colours with the word being
 * spoken highlighted (a click on a word seeks to it), the answers and the bucket with evidence that seeks the
 * player, the call metrics and each speaker's sentiment over the call, and the transcript to download as SRT, WebVTT or text.
 */
export async function recordingView(main, session, useCaseUuid, recordingUuid, at) {
  const ids = { org_uuid: session.org_uuid, usecase_uuid: useCaseUuid, recording_uuid: recordingUuid };
  const details = await api.call(`${api.BASE}/org-usecases/get-recording-details`, { method: 'POST', body: ids });
  const back = h('p', {}, h('a', { href: `#/usecases/${useCaseUuid}` }, '← Back to the use case'));
  if (details.state !== 'ANALYSIS_COMPLETED' && details.state !== 'TRANSCRIPTION_COMPLETED') {
    show(main, back, h('h1', {}, details.file_name),
      h('p', {}, `State: ${details.state}`), details.error ? h('p', { class: 'error' }, details.error) : null);
    return;
  }
  const [result, audio, useCase, corrections] = await Promise.all([
    api.call(`${api.BASE}/org-usecases/recording/transcript-analytics`, { method: 'POST', body: ids }),
    api.call(`${api.BASE}/org-usecases/recording/get-audio-presigned-url`, {
      method: 'POST', body: { s3_key: details.file.s3_key },
    }),
    api.call(`${api.BASE}/usecase/${useCaseUuid}`),
    api.call(`${api.BASE}/org-usecases/recording/corrections`, { method: 'POST', body: ids }),
  ]);
  const transcript = result.transcript;
  // The URL's path and query only: the page's own origin serves it, whatever host name the server signs with.
  const link = new URL(audio.url);
  const player = h('audio', { controls: true, preload: 'metadata', src: link.pathname + link.search });
  const seek = (seconds) => { player.currentTime = seconds; player.focus(); };
  const speakers = transcript.speakers.map((s) => s.speaker);
  const colour = (speaker) => `speaker-${Math.max(0, speakers.indexOf(speaker)) % 4}`;

  const words = [];
  const text = h('div', { class: 'transcript', 'aria-label': 'Transcript' }, ...transcript.segments.map((segment) => h('p', { class: colour(segment.speaker) },
    h('span', { class: 'who' }, `${segment.speaker} (${segment.role}) ${clock(segment.start)}`
      + (segment.sentiment ? `, ${segment.sentiment.label}` : '')),
    ...transcript.words
      .filter((w) => w.speaker === segment.speaker && w.start >= segment.start - 0.001 && w.end <= segment.end + 0.001)
      .map((w) => {
        const button = h('button', { type: 'button', class: 'word', 'data-start': w.start, title: `${clock(w.start)}, confidence ${w.conf}`,
          on: { click: () => seek(w.start) } }, w.word);
        words.push([w, button]);
        return button;
      }))));
  let spoken = null;
  player.addEventListener('timeupdate', () => {
    const t = player.currentTime;
    const now = words.find(([w]) => t >= w.start && t < w.end)?.[1] ?? null;
    if (now !== spoken) {
      spoken?.removeAttribute('aria-current');
      now?.setAttribute('aria-current', 'true');
      spoken = now;
    }
  });

  if (at) {
    // Opened from a search hit: start where the hit is.
    player.addEventListener('loadedmetadata', () => { player.currentTime = Number(at); }, { once: true });
  }
  main.replaceChildren(
    back,
    h('h1', {}, details.file_name),
    player,
    timeline(transcript, colour, seek),
    h('div', { class: 'columns' },
      h('section', { 'aria-label': 'Transcript' }, h('h2', {}, 'Transcript'), downloads(transcript, details.file_name), text),
      h('section', { 'aria-label': 'Analysis' }, h('h2', {}, 'Analysis'), analysis(result.analytics, seek, correcting(ids, useCase, corrections)))));
}

/** The turns of each speaker on one line per speaker, overlaps marked; a click seeks to the turn. */
function timeline(transcript, colour, seek) {
  const duration = Math.max(transcript.duration, 0.001);
  const place = (element, start, end) => {
    element.style.left = `${(100 * start) / duration}%`;
    element.style.width = `${Math.max(0.3, (100 * (end - start)) / duration)}%`;
    return element;
  };
  return h('div', { class: 'timeline', 'aria-label': 'Speaker timeline' }, ...transcript.speakers.map((speaker) => h('div', { class: 'lane' },
    h('span', { class: 'who' }, `${speaker.speaker} (${speaker.role})`),
    h('div', { class: 'track' },
      ...transcript.turns.filter((t) => t.speaker === speaker.speaker).map((turn) => place(h('button', {
        type: 'button', class: `turn ${colour(speaker.speaker)}`, 'aria-label': `${speaker.speaker} ${clock(turn.start)} to ${clock(turn.end)}`,
        on: { click: () => seek(turn.start) },
      }), turn.start, turn.end)),
      ...transcript.overlaps.map((o) => place(h('span', { class: 'overlap', title: 'overlap' }), o.start, o.end))))));
}

/**
 * A supervisor's corrections of the bucket and the answers, through the API (later calls of the use case learn
 * from them): the form for each, and what was corrected so far.
 */
function correcting(ids, useCase, initial) {
  let known = initial;
  const note = (text) => h('p', { class: 'corrected' }, text);
  const form = (label, control, toBody, shown) => {
    const status = h('span', { class: 'status', 'aria-live': 'polite' });
    const wrapper = h('form', { class: 'correct', on: { submit: async (event) => {
      event.preventDefault();
      try {
        known = await api.call(`${api.BASE}/org-usecases/recording/correct`, { method: 'POST', body: { ...ids, ...toBody(control.value) } });
        status.textContent = 'Saved';
        shown.replaceChildren(note(`Corrected to ${control.value}`));
      } catch (e) {
        status.textContent = e.message;
      }
    } } }, h('label', {}, label, ' ', control), ' ', h('button', { type: 'submit' }, 'Correct'), ' ', status);
    return wrapper;
  };
  return {
    bucket(current) {
      const shown = h('div', {}, known.bucket ? note(`Corrected to ${known.bucket}`) : null);
      const select = h('select', {}, ...useCase.analysis_config.analysis_buckets.map((b) => h('option', {
        value: b.objective_bucket_name, selected: b.objective_bucket_name === (known.bucket ?? current),
      }, b.objective_bucket_name)));
      return h('div', {}, shown, form('Right bucket', select, (value) => ({ bucket: value }), shown));
    },
    answer(question, current) {
      const previous = (known.answers ?? []).find((a) => a.question === question);
      const shown = h('div', {}, previous ? note(`Corrected to ${previous.answer}`) : null);
      const yesNo = /\(yes\s*\/\s*no\)\s*$/i.test(question);
      const control = yesNo
        ? h('select', {}, ...['Yes', 'No', 'Unclear'].map((a) => h('option', { value: a, selected: a === (previous?.answer ?? current) }, a)))
        : h('input', { type: 'text', value: previous?.answer ?? current ?? '' });
      return h('div', {}, shown, form('Right answer', control, (value) => ({ question, answer: value }), shown));
    },
  };
}

function analysis(analytics, seek, corrections) {
  if (!analytics) return h('p', { class: 'muted' }, 'Analysis in progress.');
  const evidence = (items) => h('ul', { class: 'evidence' }, ...(items ?? []).map((e) => h('li', {},
    h('button', { type: 'button', class: 'link', 'data-start': e.start, on: { click: () => seek(e.start) } }, `${clock(e.start)} ${e.speaker}: “${e.text}”`))));
  const metrics = analytics.metrics ?? {};
  return h('div', {},
    analytics.bucket ? h('div', { class: 'panel' }, h('h3', {}, 'Bucket'),
      h('p', {}, h('strong', {}, analytics.bucket.name), ` (confidence ${percent(analytics.bucket.confidence)})`),
      evidence(analytics.bucket.evidence), corrections.bucket(analytics.bucket.name)) : null,
    ...(analytics.questions ?? []).map((q) => h('div', { class: 'panel' }, h('h3', {}, q.question),
      h('p', {}, h('strong', {}, q.answer), ` (confidence ${percent(q.confidence)})`), evidence(q.evidence),
      corrections.answer(q.question, q.answer))),
    h('div', { class: 'panel' }, h('h3', {}, 'Call metrics'), h('dl', {},
      ...[['Length', `${Math.round(metrics.duration ?? 0)} s`], ['Silence', `${(metrics.silence_time ?? 0).toFixed(1)} s`],
        ['Interruptions', String(metrics.interruptions ?? 0)], ['Pace', `${Math.round(metrics.words_per_minute ?? 0)} words/min`],
        ...(metrics.roles ?? []).map((r) => [`${r.role} talk ratio`, percent(r.talk_ratio)])]
        .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]))),
    (metrics.sentiment ?? []).length ? sentimentPanel(metrics.sentiment, seek) : null);
}

/**
 * Each speaker's sentiment at the start and the end of the call, and its trend: one bar per stretch of the call
 * where they spoke, right of the middle line when positive, left when negative; a click seeks to the stretch.
 */
function sentimentPanel(speakers, seek) {
  return h('div', { class: 'panel' }, h('h3', {}, 'Sentiment'), ...speakers.map((s) => h('div', { class: 'sentiment' },
    h('p', {}, h('strong', {}, `${s.speaker} (${s.role})`), ` starts ${signed(s.start)}, ends ${signed(s.end)}`),
    h('ol', { class: 'trend', 'aria-label': `${s.speaker} sentiment over the call` }, ...s.trend.map((p) => {
      const bar = h('span', { class: `tilt ${p.score < 0 ? 'negative' : 'positive'}` });
      bar.style.width = `${Math.max(2, 50 * Math.abs(p.score))}%`;
      return h('li', {}, h('button', { type: 'button', class: 'link', 'data-start': p.start, on: { click: () => seek(p.start) } },
        `${clock(p.start)}–${clock(p.end)}`), h('span', { class: 'axis' }, bar), h('span', {}, signed(p.score)));
    })))));
}

function signed(score) {
  return `${score > 0 ? '+' : ''}${(score ?? 0).toFixed(2)}`;
}

/** SRT, WebVTT and text of the segments, made in the browser from the transcript it already has. */
function downloads(transcript, fileName) {
  const base = fileName.replace(/\.[^.]+$/, '');
  const stamp = (s, comma) => {
    const ms = Math.round(s * 1000);
    const pad = (n, w = 2) => String(n).padStart(w, '0');
    return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${comma ? ',' : '.'}${pad(ms % 1000, 3)}`;
  };
  const cues = transcript.segments;
  const files = {
    srt: cues.map((c, i) => `${i + 1}\n${stamp(c.start, true)} --> ${stamp(c.end, true)}\n${c.speaker}: ${c.text}\n`).join('\n'),
    vtt: `WEBVTT\n\n${cues.map((c) => `${stamp(c.start)} --> ${stamp(c.end)}\n<v ${c.speaker}>${c.text}\n`).join('\n')}`,
    txt: cues.map((c) => `[${clock(c.start)}] ${c.speaker} (${c.role}): ${c.text}`).join('\n') + '\n',
  };
  return h('p', { class: 'downloads' }, 'Download: ', ...Object.entries(files).map(([ext, body]) => h('a', {
    href: URL.createObjectURL(new Blob([body], { type: 'text/plain' })), download: `${base}.${ext}`,
  }, ext.toUpperCase())));
}

function clock(seconds) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function percent(value) {
  return `${Math.round((value ?? 0) * 100)}%`;
}
