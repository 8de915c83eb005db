// Préau — the full interface's behaviour on top of htmx: CSRF header, reading pane, selection,
// keyboard shortcuts, drag and drop to folders, live updates (server-sent events), and the
// height of the sandboxed message frame. Everything works without it; this only makes it quicker.
(function () {
  'use strict';
  var app = document.querySelector('.mail-app');
  if (!app) { return; }

  function listPane() { return document.getElementById('list-pane'); }
  function listUrl() { var p = listPane(); return p ? p.getAttribute('data-list-url') : '/app/mail'; }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('.message-row')); }
  function checked() { return rows().filter(function (r) { var c = r.querySelector('.message-row__check'); return c && c.checked; }); }
  function readingId() { var r = document.querySelector('#reading-pane[data-message]'); return r ? r.getAttribute('data-message') : null; }

  // every htmx request carries the CSRF token, and forms of the reading pane come back to the list on screen
  document.body.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers[app.getAttribute('data-csrf-header')] = app.getAttribute('data-csrf');
    var elt = e.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute('data-message-tools')) {
      e.detail.parameters.back = listUrl();
    }
    if (elt && elt.id === 'list-form') {
      var id = readingId();
      if (id) { e.detail.parameters.reading = id; }
    }
  });

  // a message gone meanwhile (404) and a refused action (422) come with a page part that says so
  document.body.addEventListener('htmx:beforeSwap', function (e) {
    var status = e.detail.xhr.status;
    if (status === 404 || status === 422) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });

  // confirmations (emptying the trash)
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { e.preventDefault(); e.stopPropagation(); }
  }, true);

  // the frame of an HTML message takes the height of its content
  function sizeFrames(root) {
    (root || document).querySelectorAll('iframe[data-autosize]:not([data-sized])').forEach(function (frame) {
      frame.setAttribute('data-sized', '');
      function fit() {
        try {
          var doc = frame.contentDocument;
          if (doc && doc.body) {
            // the body's own height: the document's is never less than the frame's current height
            var body = doc.body;
            var height = Math.max(body.scrollHeight, body.offsetHeight, body.getBoundingClientRect().height);
            frame.style.height = Math.ceil(height + 32) + 'px';
          }
        } catch (ignored) { /* another origin: keep the default height */ }
      }
      frame.addEventListener('load', fit);
      fit();
    });
  }
  sizeFrames();

  function markCurrent() {
    var id = readingId();
    rows().forEach(function (r) {
      r.classList.toggle('message-row--current', r.getAttribute('data-id') === id);
      if (r.getAttribute('data-id') === id) { r.classList.remove('message-row--unread'); }
    });
  }

  // after a swap (outerHTML: the pane is a new element), wire the new frame and mark the list
  var shownMessage = readingId();
  var ownUpdate = 0;
  document.body.addEventListener('htmx:afterSettle', function () {
    ownUpdate = Date.now();
    sizeFrames(document);
    markCurrent();
    var id = readingId();
    if (id && id !== shownMessage) {
      var subject = document.getElementById('message-subject');
      if (subject) { subject.focus({ preventScroll: false }); }
    }
    shownMessage = id;
  });

  // select all
  document.addEventListener('change', function (e) {
    if (e.target.hasAttribute && e.target.hasAttribute('data-select-all')) {
      rows().forEach(function (r) { var c = r.querySelector('.message-row__check'); if (c) { c.checked = e.target.checked; } });
    }
  });

  // keyboard shortcuts
  var cursor = -1;
  function moveCursor(step) {
    var all = rows();
    if (!all.length) { return; }
    if (cursor < 0) {
      var current = all.findIndex(function (r) { return r.classList.contains('message-row--current'); });
      cursor = current >= 0 ? current : (step > 0 ? -1 : all.length);
    }
    cursor = Math.max(0, Math.min(all.length - 1, cursor + step));
    all.forEach(function (r, i) { r.classList.toggle('message-row--cursor', i === cursor); });
    var link = all[cursor].querySelector('[data-open]');
    if (link) { link.focus(); }
  }
  function click(selector) { var el = document.querySelector(selector); if (el) { el.click(); return true; } return false; }
  function submitList(action) {
    var form = document.getElementById('list-form');
    var button = form && form.querySelector('button[name=action][value="' + action + '"]');
    if (button) { button.click(); return true; }
    return false;
  }
  function act(action, readingSelector) {
    if (checked().length) { return submitList(action); }
    return click(readingSelector);
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var dialog = document.getElementById('shortcuts');
    if (dialog && dialog.open) { return; }
    var handled = true;
    switch (e.key) {
      case 'j': case 'ArrowDown': moveCursor(1); break;
      case 'k': case 'ArrowUp': moveCursor(-1); break;
      case 'o': case 'Enter':
        if (cursor >= 0 && rows()[cursor]) { rows()[cursor].querySelector('[data-open]').click(); } else { handled = false; }
        break;
      case 'x':
        if (cursor >= 0 && rows()[cursor]) { var c = rows()[cursor].querySelector('.message-row__check'); c.checked = !c.checked; }
        break;
      case 'r': handled = click('#reading-pane [data-shortcut="r"]'); break;
      case 'a': handled = click('#reading-pane [data-shortcut="a"]'); break;
      case 'f': handled = click('#reading-pane [data-shortcut="f"]'); break;
      case 'c': handled = click('[data-shortcut="c"]'); break;
      case 'e': handled = act('archive', '#reading-pane [data-shortcut="e"]'); break;
      case 's': handled = act('flag', '#reading-pane [data-shortcut="s"]'); break;
      case 'u': handled = act('unread', '#reading-pane [data-shortcut="u"]'); break;
      case '#': case 'Delete': handled = act('delete', '#reading-pane [data-shortcut="#"]'); break;
      case '/': var s = document.querySelector('[data-shortcut-focus="/"]'); if (s) { s.focus(); s.select(); } break;
      case '?': if (dialog && dialog.showModal) { dialog.showModal(); } break;
      default: handled = false;
    }
    if (handled) { e.preventDefault(); }
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-shortcuts-open]')) {
      var dialog = document.getElementById('shortcuts');
      if (dialog && dialog.showModal) { dialog.showModal(); }
    }
  });

  // drag messages onto a folder
  document.addEventListener('dragstart', function (e) {
    var row = e.target.closest && e.target.closest('.message-row');
    if (!row) { return; }
    var ids = row.querySelector('.message-row__check').checked ? checked().map(function (r) { return r.getAttribute('data-id'); })
      : [row.getAttribute('data-id')];
    e.dataTransfer.setData('application/x-preau-messages', ids.join(','));
    e.dataTransfer.setData('text/plain', ids.join(','));
    e.dataTransfer.effectAllowed = 'move';
  });
  function dropTarget(e) { return e.target.closest && e.target.closest('[data-drop-folder]'); }
  document.addEventListener('dragover', function (e) {
    var folder = dropTarget(e);
    if (folder && e.dataTransfer.types.indexOf('application/x-preau-messages') >= 0) {
      e.preventDefault();
      folder.classList.add('drop-target');
    }
  });
  document.addEventListener('dragleave', function (e) { var f = dropTarget(e); if (f) { f.classList.remove('drop-target'); } });
  document.addEventListener('drop', function (e) {
    var folder = dropTarget(e);
    if (!folder) { return; }
    e.preventDefault();
    folder.classList.remove('drop-target');
    var ids = (e.dataTransfer.getData('application/x-preau-messages') || '').split(',').filter(Boolean);
    if (!ids.length) { return; }
    var values = { id: ids, action: 'move', target: folder.getAttribute('data-drop-folder'), back: listUrl() };
    var reading = readingId();
    if (reading) { values.reading = reading; }
    window.htmx.ajax('POST', '/app/mail/act', { target: '#list-pane', swap: 'outerHTML', values: values });
  });

  // live updates
  var source = null;
  var loadedAt = Date.now();
  function connect() {
    if (!window.EventSource || source) { return; }
    source = new EventSource(app.getAttribute('data-events'));
    source.addEventListener('change', function (e) {
      var parts = String(e.data).split(' ');
      document.body.dispatchEvent(new CustomEvent('mail-changed'));
      var pane = listPane();
      // the page's own action has just redrawn the list (with its notice): that change is already shown
      var recent = Date.now() - ownUpdate < 4000 || Date.now() - loadedAt < 4000;
      if (!recent && pane && pane.getAttribute('data-folder') === parts[0] && !checked().length
          && !pane.querySelector('[data-message-rows]:hover')) {
        window.htmx.ajax('GET', listUrl(), { target: '#list-pane', swap: 'outerHTML' });
      }
      if (parts[1] === 'MESSAGES_ADDED') {
        var live = document.querySelector('[data-live]');
        if (live) { live.textContent = app.getAttribute('data-new-mail') || ''; }
      }
    });
  }
  connect();
  window.addEventListener('pagehide', function () { if (source) { source.close(); source = null; } });
})();
