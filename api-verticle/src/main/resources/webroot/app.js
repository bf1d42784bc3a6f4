// The upload page: sends the chosen photo to POST /upload with the options as form fields,
// then shows the original and the result side by side. Plain browser JavaScript, no build step.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $('upload-form');
  const fileInput = $('file');
  const drop = $('drop');
  const KEY = 'nws-api-key';
  let chosen = null;
  let access = { apiKey: false, signedUrls: false, signedUploadOptions: false };
  let presets = {};
  let onlyPresets = false;
  let resultUrl = null;
  let originalUrl = null;

  function bytes(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KiB';
    return (n / 1024 / 1024).toFixed(2) + ' MiB';
  }

  function dims(w, h) {
    return w + ' × ' + h;
  }

  function choose(file) {
    chosen = file || null;
    $('file-name').textContent = chosen ? chosen.name + ' (' + bytes(chosen.size) + ')' : '';
    drop.classList.toggle('has-file', !!chosen);
  }

  // The service says what each option accepts and what it defaults to (GET /options): the
  // controls show that, never a copy of it kept here.
  async function loadDefaults() {
    try {
      const response = await fetch('/options');
      const body = await response.json();
      body.options.forEach(applyDefault);
      applyAccess(body.access || access);
      applyChoices(body);
      form.dataset.defaults = 'loaded';
    } catch (e) {
      form.dataset.defaults = 'failed';
    }
  }

  // A service that needs an API key gets one asked for here; it lives in this tab's session
  // storage only. One that signs its upload options takes none from this page.
  function applyAccess(needs) {
    access = needs;
    $('access').hidden = !needs.apiKey && !needs.signedUploadOptions;
    $('api-key').parentElement.hidden = !needs.apiKey;
    $('api-key').value = sessionStorage.getItem(KEY) || '';
    $('signed-uploads').hidden = !needs.signedUploadOptions;
  }

  // The logos and presets this service has: offered only when there are some.
  function applyChoices(body) {
    const logos = body.logos || [];
    logos.forEach((name) => $('wmimg').add(new Option(name, name)));
    $('logo-field').hidden = logos.length === 0;
    $('wmscale-field').hidden = logos.length === 0;
    presets = body.presets || {};
    Object.keys(presets).forEach((name) => $('preset').add(new Option(name, name)));
    $('preset-set').hidden = Object.keys(presets).length === 0;
    onlyPresets = body.onlyPresets === true;
    $('only-presets').hidden = !onlyPresets;
    document.querySelectorAll('.free-options').forEach((set) => { set.hidden = onlyPresets; });
    showPreset();
  }

  function showPreset() {
    const chosenPreset = presets[$('preset').value];
    $('preset-options').textContent = chosenPreset
      ? Object.entries(chosenPreset).map(([k, v]) => k + '=' + v).join(', ') + (onlyPresets ? '' : '; options set below override it')
      : '';
  }

  function headers() {
    const key = $('api-key').value.trim();
    return access.apiKey && key !== '' ? { Authorization: 'Bearer ' + key } : {};
  }

  function applyDefault(option) {
    const control = $(option.name);
    // A control the person already set keeps what they chose.
    if (!control || control.dataset.touched) return;
    if (option.type === 'integer' || option.type === 'number') {
      control.min = option.min;
      control.max = option.max;
    }
    if (option.name === 'wm') {
      control.placeholder = option.default === '' ? 'none' : 'default: ' + option.default;
      control.maxLength = 200;
    } else if (option.name === 'q' && option.default < option.min) {
      // No default quality: each format has its own until the slider is moved.
      control.dataset.unset = 'true';
      $('q-value').textContent = 'format default';
      return;
    } else if (control.type === 'checkbox') {
      control.checked = option.default === true;
    } else {
      control.value = option.default;
    }
    const shown = $(option.name + '-value');
    if (shown) shown.textContent = control.value;
  }

  // Options travel as form fields, so an error arrives after the upload and never cuts it off.
  // Unset ones (no watermark text, enlarge off) take the service's defaults.
  function options() {
    if (access.signedUploadOptions) return [];
    const preset = $('preset').value;
    if (onlyPresets) return preset === '' ? [] : [['preset', preset]];
    const fields = [
      ['preset', preset],
      ['w', $('w').value.trim()],
      ['h', $('h').value.trim()],
      ['fit', $('fit').value],
      ['q', $('q').dataset.unset ? '' : $('q').value],
      ['format', $('format').value],
      ['pos', $('pos').value],
      ['opacity', $('opacity').value],
      ['gravity', $('gravity').value],
      ['focus', $('focus').value.trim()],
      ['dpr', $('dpr').value.trim()],
      ['wmimg', $('wmimg').value],
      ['wmscale', $('wmimg').value === '' ? '' : $('wmscale').value],
    ].filter(([, value]) => value !== '');
    if ($('enlarge').checked) fields.push(['enlarge', 'true']);
    fields.push(['progressive', $('progressive').checked ? 'true' : 'false']);
    // A preset's own values stay unless the person changed a control.
    if (preset !== '') return fields.filter(([name]) => name === 'preset' || touched(name));
    if ($('no-wm').checked) {
      fields.push(['wm', '']);
    } else if ($('wm').value.trim() !== '') {
      fields.push(['wm', $('wm').value]);
    }
    return fields;
  }

  function touched(name) {
    const control = name === 'wm' ? $('wm') : $(name);
    return (control && control.dataset.touched === 'true') || (name === 'wm' && $('no-wm').checked);
  }

  function showError(code, message) {
    $('error-code').textContent = code;
    $('error-message').textContent = message;
    $('error').hidden = false;
    $('error').scrollIntoView({ block: 'nearest' });
  }

  function showOriginal(file) {
    if (originalUrl) URL.revokeObjectURL(originalUrl);
    originalUrl = URL.createObjectURL(file);
    const img = $('original-img');
    img.onload = () => { $('original-dims').textContent = dims(img.naturalWidth, img.naturalHeight); };
    img.onerror = () => { $('original-dims').textContent = 'not shown by this browser'; };
    $('original-dims').textContent = '-';
    img.src = originalUrl;
    $('original-bytes').textContent = bytes(file.size);
  }

  function showResult(response, blob, millis) {
    if (resultUrl) URL.revokeObjectURL(resultUrl);
    resultUrl = URL.createObjectURL(blob);
    const cache = response.headers.get('X-Cache') || '?';
    $('result-img').src = resultUrl;
    $('result-dims').textContent = dims(response.headers.get('X-Image-Width'), response.headers.get('X-Image-Height'));
    $('result-bytes').textContent = bytes(blob.size);
    $('result-time').textContent = Math.round(millis) + ' ms';
    $('result-cache-text').textContent = cache;
    $('result-cache').textContent = cache;
    $('result-cache').className = 'badge ' + cache.toLowerCase();
    const base = chosen.name.replace(/\.[^.]*$/, '') || 'image';
    const type = response.headers.get('Content-Type') || '';
    const ext = { 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif' }[type] || 'jpg';
    $('result-format').textContent = type.replace('image/', '').toUpperCase();
    compareWithJpeg(response, blob.size, type);
    $('download').href = resultUrl;
    $('download').download = base + '-watermarked.' + ext;
    $('compare').hidden = false;
    $('compare').dataset.state = 'done';
    // On a phone the result is below the form: bring it into view.
    if ($('compare').getBoundingClientRect().top > window.innerHeight / 2) {
      $('compare').scrollIntoView({ block: 'start' });
    }
  }

  // The same variant as JPEG, asked by id (the original is stored): what the chosen format saves.
  async function compareWithJpeg(response, size, type) {
    const saved = $('result-saved');
    if (type === 'image/jpeg') {
      saved.textContent = 'this is the JPEG';
      return;
    }
    if (access.signedUrls) {
      // Asking for the JPEG takes a signed URL, and the key to sign with is not in the browser.
      saved.textContent = 'not compared: image URLs here are signed';
      return;
    }
    if (onlyPresets) {
      // format=jpeg is an option, which a presets-only service refuses.
      saved.textContent = 'not compared: this service takes presets only';
      return;
    }
    saved.textContent = '…';
    const query = new URLSearchParams(options().filter(([name]) => name !== 'format'));
    query.set('format', 'jpeg');
    try {
      const jpeg = await fetch('/images/' + response.headers.get('X-Image-Id') + '?' + query);
      const bytesOfJpeg = (await jpeg.blob()).size;
      const percent = Math.round(100 * (1 - size / bytesOfJpeg));
      saved.textContent = jpeg.ok
        ? (percent >= 0 ? percent + ' % smaller' : -percent + ' % larger') + ' than the JPEG (' + bytes(bytesOfJpeg) + ')'
        : 'no JPEG to compare with';
    } catch (e) {
      saved.textContent = 'no JPEG to compare with';
    }
  }

  async function errorOf(response) {
    try {
      const body = await response.json();
      return { code: body.error || 'HTTP ' + response.status, message: body.message || response.statusText };
    } catch (e) {
      return { code: 'HTTP ' + response.status, message: response.statusText || 'the service gave no explanation' };
    }
  }

  async function submit(event) {
    event.preventDefault();
    $('error').hidden = true;
    if (!chosen) {
      showError('MISSING_IMAGE', 'Choose a photo first, or drop one on the box above.');
      fileInput.focus();
      return;
    }
    const body = new FormData();
    options().forEach(([name, value]) => body.append(name, value));
    body.append('image', chosen, chosen.name);
    $('submit').disabled = true;
    $('status').textContent = 'Processing ' + chosen.name + '…';
    $('compare').dataset.state = 'busy';
    const started = performance.now();
    try {
      const response = await fetch('/upload', { method: 'POST', body, headers: headers() });
      if (!response.ok) {
        const err = await errorOf(response);
        showError(err.code, err.message);
        if (response.status === 401) $('api-key').focus();
        $('status').textContent = '';
        $('compare').dataset.state = 'error';
        return;
      }
      const blob = await response.blob();
      showOriginal(chosen);
      showResult(response, blob, performance.now() - started);
      $('status').textContent = 'Done.';
    } catch (e) {
      showError('NETWORK', 'The service could not be reached: ' + e.message);
      $('status').textContent = '';
    } finally {
      $('submit').disabled = false;
    }
  }

  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('dragging')));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length > 0) choose(e.dataTransfer.files[0]);
  });
  $('q').addEventListener('input', () => {
    delete $('q').dataset.unset;
    $('q-value').textContent = $('q').value;
  });
  $('api-key').addEventListener('change', () => sessionStorage.setItem(KEY, $('api-key').value.trim()));
  $('opacity').addEventListener('input', () => { $('opacity-value').textContent = $('opacity').value; });
  $('wmscale').addEventListener('input', () => { $('wmscale-value').textContent = $('wmscale').value; });
  $('preset').addEventListener('change', showPreset);
  $('no-wm').addEventListener('change', () => { $('wm').disabled = $('no-wm').checked; });
  form.addEventListener('input', (e) => { e.target.dataset.touched = 'true'; });
  form.addEventListener('change', (e) => { e.target.dataset.touched = 'true'; });
  form.addEventListener('submit', submit);
  choose(fileInput.files[0]);
  loadDefaults();
})();
