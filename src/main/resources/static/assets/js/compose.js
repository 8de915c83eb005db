// Préau — the full interface's compose page: a rich-text editor over the plain form, address
// suggestions (directory and recent recipients), uploads with a progress bar, automatic saving
// of the draft, and a copy kept in the browser if the session expires. Without this script the
// form still works as a plain form (the simplified interface uses it as it is).
(function () {
  'use strict';
  var form = document.querySelector('form[data-compose="rich"]');
  if (!form) { return; }
  var holder = document.querySelector('.compose-app');
  var csrfHeader = holder.getAttribute('data-csrf-header');
  var csrf = holder.getAttribute('data-csrf');
  var textarea = form.querySelector('#text');
  var htmlInput = form.querySelector('[data-html]');
  var editor = form.querySelector('[data-editor]');
  var area = form.querySelector('[data-editor-area]');
  var status = form.querySelector('[data-autosave-status]');
  var STORE = 'preau-compose-unsaved';
  var dirty = false;

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // ---- rich-text editor
  var rich = false;
  function startRich() {
    rich = true;
    editor.hidden = false;
    textarea.hidden = true;
    if (htmlInput.value) {
      area.innerHTML = htmlInput.value;
    } else {
      area.innerHTML = textarea.value.split('\n').map(function (line) { return escapeHtml(line) || '<br>'; })
        .map(function (l) { return '<div>' + l + '</div>'; }).join('');
    }
  }
  function sync() {
    if (rich) {
      htmlInput.value = area.innerHTML;
      textarea.value = area.innerText.replace(/\n{3,}/g, '\n\n');
    } else if (htmlInput) {
      htmlInput.value = '';
    }
  }
  if (editor && area) {
    startRich();
    editor.addEventListener('click', function (e) {
      var button = e.target.closest('[data-cmd]');
      if (button) {
        var cmd = button.getAttribute('data-cmd');
        var value = null;
        if (cmd === 'createLink') {
          value = window.prompt(form.getAttribute('data-link-prompt'), 'https://');
          if (!value || !/^(https?:|mailto:)/i.test(value)) { return; }
        }
        area.focus();
        document.execCommand(cmd, false, value);
        dirty = true;
      }
      if (e.target.closest('[data-plain-text]')) {
        sync();
        rich = false;
        htmlInput.value = '';
        editor.hidden = true;
        textarea.hidden = false;
        textarea.focus();
      }
    });
    area.addEventListener('input', function () { dirty = true; });
  }
  form.addEventListener('input', function () { dirty = true; });
  form.addEventListener('submit', function () { sync(); dirty = false; try { localStorage.removeItem(STORE); } catch (ignored) {} });

  // ---- address suggestions
  function lastToken(value) {
    var i = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'));
    return { head: i < 0 ? '' : value.slice(0, i + 1) + ' ', token: value.slice(i + 1).trim() };
  }
  form.querySelectorAll('input[data-recipients]').forEach(function (input) {
    var list = document.createElement('ul');
    list.className = 'suggestions';
    list.id = input.id + '-suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.parentNode.appendChild(list);
    var active = -1;
    var timer = null;
    var items = [];
    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; }
    function choose(i) {
      var t = lastToken(input.value);
      var s = items[i];
      input.value = t.head + (s.name ? '"' + s.name.replace(/"/g, '') + '" <' + s.email + '>' : s.email) + ', ';
      close();
      input.focus();
      dirty = true;
    }
    function render() {
      list.innerHTML = '';
      items.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.className = 'suggestions__item' + (i === active ? ' suggestions__item--active' : '');
        li.setAttribute('aria-selected', i === active ? 'true' : 'false');
        var name = document.createElement('span');
        name.className = 'suggestions__name';
        name.textContent = s.name || s.email;
        var detail = document.createElement('span');
        detail.className = 'suggestions__detail';
        detail.textContent = s.email + (s.detail ? ' · ' + s.detail : '');
        li.appendChild(name);
        li.appendChild(detail);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      if (active >= 0) { input.setAttribute('aria-activedescendant', list.id + '-' + active); }
    }
    function fetchJson(url) {
      return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok && (r.headers.get('Content-Type') || '').indexOf('json') >= 0 ? r.json() : []; })
        .catch(function () { return []; });
    }
    input.addEventListener('input', function () {
      var q = lastToken(input.value).token;
      clearTimeout(timer);
      if (q.length < 2) { items = []; render(); return; }
      timer = setTimeout(function () {
        Promise.all([fetchJson('/app/mail/recipients?q=' + encodeURIComponent(q)),
          fetchJson('/directory/suggest?q=' + encodeURIComponent(q))]).then(function (r) {
          var seen = {};
          items = r[0].concat(r[1]).filter(function (s) {
            var k = (s.email || '').toLowerCase();
            if (!k || seen[k]) { return false; }
            seen[k] = true;
            return true;
          }).slice(0, 10);
          active = -1;
          render();
        });
      }, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') { active = Math.min(items.length - 1, active + 1); render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); e.preventDefault(); }
      else if (e.key === 'Enter' && active >= 0) { choose(active); e.preventDefault(); }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  });

  // ---- uploads with a progress bar
  var fileInput = form.querySelector('#attachments');
  var uploads = form.querySelector('[data-uploads]');
  var maxBytes = Number(form.getAttribute('data-max-bytes'));
  var remaining = Number(form.getAttribute('data-remaining-bytes'));
  function attachedBytes() {
    var total = 0;
    form.querySelectorAll('[data-size]').forEach(function (el) { total += Number(el.getAttribute('data-size')); });
    return total;
  }
  function addAttachment(result) {
    var list = form.querySelector('.compose__attachments .attachments__list');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'attachments__list';
      uploads.parentNode.insertBefore(list, uploads);
    }
    var li = document.createElement('li');
    li.setAttribute('data-size', result.size);
    var hidden = document.createElement('input');
    hidden.type = 'hidden'; hidden.name = 'att'; hidden.value = result.ref;
    li.appendChild(hidden);
    li.appendChild(document.createTextNode(result.name + ' (' + result.sizeText + ')'));
    list.appendChild(li);
    dirty = true;
  }
  if (fileInput && uploads) {
    fileInput.addEventListener('change', function () {
      Array.prototype.forEach.call(fileInput.files, function (file) {
        var row = document.createElement('div');
        row.className = 'upload-progress__row';
        var label = document.createElement('span');
        label.textContent = file.name;
        var bar = document.createElement('progress');
        bar.max = 100; bar.value = 0;
        bar.setAttribute('aria-label', file.name);
        row.appendChild(label); row.appendChild(bar);
        uploads.appendChild(row);
        if (file.size + attachedBytes() > maxBytes || file.size > remaining) {
          bar.remove();
          row.classList.add('upload-progress__row--error');
          label.textContent = file.name + ' — ' + form.getAttribute(file.size > remaining ? 'data-over-quota' : 'data-too-big');
          return;
        }
        var data = new FormData();
        data.append('file', file);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', '/app/mail/compose/upload');
        xhr.setRequestHeader(csrfHeader, csrf);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.addEventListener('progress', function (e) { if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); } });
        xhr.addEventListener('load', function () {
          var body = null;
          try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
          if (xhr.status === 200 && body && body.ref) {
            row.remove();
            addAttachment(body);
          } else {
            bar.remove();
            row.classList.add('upload-progress__row--error');
            label.textContent = file.name + ' — ' + (body && body.error ? body.error : form.getAttribute('data-expired'));
          }
        });
        xhr.addEventListener('error', function () {
          bar.remove();
          row.classList.add('upload-progress__row--error');
          label.textContent = file.name + ' — ' + form.getAttribute('data-expired');
        });
        xhr.send(data);
      });
      fileInput.value = '';
    });
  }

  // ---- automatic saving, and a copy in the browser when the session has expired
  function snapshot() {
    sync();
    var data = {};
    ['to', 'cc', 'bcc', 'subject', 'text', 'html'].forEach(function (n) {
      var el = form.querySelector('[name="' + n + '"]');
      if (el) { data[n] = el.value; }
    });
    return data;
  }
  function autosave() {
    if (!dirty) { return; }
    var data = new FormData(form);
    data.delete('files');
    data.delete('action');
    sync();
    data.set('text', textarea.value);
    if (htmlInput) { data.set('html', htmlInput.value); }
    dirty = false;
    fetch('/app/mail/compose/autosave', { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual',
      headers: (function () { var h = { 'Accept': 'application/json' }; h[csrfHeader] = csrf; return h; })() })
      .then(function (r) {
        var json = (r.headers.get('Content-Type') || '').indexOf('json') >= 0;
        if (!json) { throw new Error('session'); }
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      })
      .then(function (res) {
        if (!res.ok) { status.textContent = res.body.error || ''; return; }
        var draft = form.querySelector('input[name=draft]');
        if (!draft) { draft = document.createElement('input'); draft.type = 'hidden'; draft.name = 'draft'; form.appendChild(draft); }
        draft.value = res.body.draft;
        var hidden = form.querySelectorAll('input[name=att]');
        if (res.body.attachments && hidden.length === res.body.attachments.length) {
          hidden.forEach(function (el, i) { el.value = res.body.attachments[i]; });
          form.querySelectorAll('input[name=remove]').forEach(function (el, i) { if (res.body.attachments[i]) { el.value = res.body.attachments[i]; } });
        }
        status.textContent = res.body.status;
        try { localStorage.removeItem(STORE); } catch (ignored) {}
      })
      .catch(function () {
        dirty = true;
        try { localStorage.setItem(STORE, JSON.stringify(snapshot())); } catch (ignored) {}
        status.textContent = form.getAttribute('data-expired');
      });
  }
  setInterval(autosave, 20000);
  window.addEventListener('beforeunload', function () {
    if (dirty) { try { localStorage.setItem(STORE, JSON.stringify(snapshot())); } catch (ignored) {} }
  });

  // after logging in again: offer what could not be saved
  try {
    var saved = localStorage.getItem(STORE);
    if (saved) {
      var data = JSON.parse(saved);
      var offer = document.createElement('div');
      offer.className = 'alert alert--warning';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--secondary';
      button.textContent = form.getAttribute('data-restore');
      button.addEventListener('click', function () {
        Object.keys(data).forEach(function (n) {
          var el = form.querySelector('[name="' + n + '"]');
          if (el && data[n]) { el.value = data[n]; }
        });
        if (rich) { area.innerHTML = data.html || escapeHtml(data.text || '').replace(/\n/g, '<br>'); }
        offer.remove();
        localStorage.removeItem(STORE);
        dirty = true;
      });
      offer.appendChild(button);
      form.parentNode.insertBefore(offer, form);
    }
  } catch (ignored) { /* no storage */ }
})();
