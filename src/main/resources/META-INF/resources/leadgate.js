/*! Leadgate website snippet: first- and last-touch attribution, forms posted without a reload. No dependencies.
 * <script src="https://gateway.example/leadgate.js" defer></script>
 * <form data-leadgate="my-channel" action="https://gateway.example/hooks/my-channel" method="post">…</form> */
(function () {
  'use strict';
  if (window.Leadgate) { return; }
  var UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id'];
  var CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'yclid', 'ysclid', 'fbclid', 'msclkid', 'ttclid', 'twclid',
    'li_fat_id', 'epik', 'rdt_cid', 'sccid', 'vkclid'];
  var KEY = 'leadgate_touch';
  var MAX_AGE_DAYS = 180;
  var MAX_VALUE = 500;
  var script = document.currentScript;
  var loadedAt = Date.now();
  var scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var defaultEndpoint = script && script.getAttribute('data-leadgate-endpoint');
  var rendered = new WeakMap();

  function clip(v) { return String(v).slice(0, MAX_VALUE); }

  function read() {
    var raw = null;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { raw = null; }
    if (!raw) {
      var m = document.cookie.match(new RegExp('(?:^|; )' + KEY + '=([^;]*)'));
      raw = m ? decodeURIComponent(m[1]) : null;
    }
    try { return raw ? JSON.parse(raw) : {}; } catch (e) { return {}; }
  }

  function write(state) {
    var raw = JSON.stringify(state);
    try { window.localStorage.setItem(KEY, raw); return; } catch (e) { /* storage blocked: fall back to a cookie */ }
    document.cookie = KEY + '=' + encodeURIComponent(raw) + '; path=/; max-age=' + MAX_AGE_DAYS * 86400 +
      '; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
  }

  function externalReferrer() {
    if (!document.referrer) { return null; }
    try { return new URL(document.referrer).host !== location.host ? document.referrer : null; } catch (e) { return null; }
  }

  /** This visit: a touch when it carries campaign parameters or click ids, or comes from another site. */
  function currentTouch() {
    var params = new URLSearchParams(location.search);
    var touch = {};
    var campaign = false;
    UTM.concat(CLICK_IDS).forEach(function (k) {
      var v = params.get(k);
      if (v) { touch[k] = clip(v); campaign = true; }
    });
    var ref = externalReferrer();
    if (ref) { touch.referrer = clip(ref); }
    touch.landing_page = clip(location.href);
    touch.at = new Date().toISOString();
    return { touch: touch, counts: campaign || !!ref };
  }

  function remember() {
    var state = read();
    var visit = currentTouch();
    if (!state.first) { state.first = visit.touch; state.last = visit.touch; write(state); }
    else if (visit.counts) { state.last = visit.touch; write(state); }
    return state;
  }

  var state = remember();

  /** The attribution fields a submission carries: lg_first_*, lg_last_*. */
  function fields() {
    var out = {};
    [['first', state.first], ['last', state.last || state.first]].forEach(function (pair) {
      var touch = pair[1] || {};
      Object.keys(touch).forEach(function (k) { out['lg_' + pair[0] + '_' + k] = touch[k]; });
    });
    return out;
  }

  function setState(form, name, message) {
    form.setAttribute('data-leadgate-state', name);
    ['sending', 'success', 'error'].forEach(function (s) { form.classList.toggle('leadgate-' + s, s === name); });
    var box = form.querySelector('[data-leadgate-message]');
    if (message !== undefined) {
      if (!box) {
        box = document.createElement('p');
        box.setAttribute('data-leadgate-message', '');
        box.setAttribute('role', 'status');
        form.appendChild(box);
      }
      box.textContent = message;
    }
  }

  function endpointOf(form) {
    var id = form.getAttribute('data-leadgate');
    return form.getAttribute('data-leadgate-endpoint') || defaultEndpoint ||
      scriptOrigin + '/hooks/' + encodeURIComponent(id);
  }

  function scan(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll('form[data-leadgate]') : [];
    Array.prototype.forEach.call(forms, function (form) { if (!rendered.has(form)) { rendered.set(form, Date.now()); } });
  }

  async function submit(form) {
    if (form.getAttribute('data-leadgate-state') === 'sending') { return; }
    var data = new FormData(form);
    var extra = fields();
    Object.keys(extra).forEach(function (k) { data.set(k, extra[k]); });
    data.set('lg_rendered_at', String(rendered.get(form) || loadedAt));
    data.set('lg_submitted_at', String(Date.now()));
    var hasFile = Array.prototype.some.call(form.elements, function (el) { return el.type === 'file'; });
    var body = hasFile ? data : new URLSearchParams(Array.from(data.entries()));
    setState(form, 'sending');
    var detail = { channel: form.getAttribute('data-leadgate') };
    try {
      var res = await fetch(endpointOf(form), {
        method: 'POST', body: body, mode: 'cors', credentials: 'omit',
        headers: { 'Accept': 'application/json', 'X-Requested-With': 'leadgate' }
      });
      var answer = {};
      try { answer = await res.json(); } catch (e) { answer = {}; }
      detail.status = res.status;
      detail.answer = answer;
      if (!res.ok) { throw new Error(answer.error || 'HTTP ' + res.status); }
      setState(form, 'success', form.getAttribute('data-leadgate-success') || 'Thank you! We will be in touch soon.');
      form.reset();
      form.dispatchEvent(new CustomEvent('leadgate:success', { detail: detail, bubbles: true }));
    } catch (e) {
      detail.error = e.message;
      setState(form, 'error', form.getAttribute('data-leadgate-error') || 'Sorry, the form could not be sent: ' + e.message);
      form.dispatchEvent(new CustomEvent('leadgate:error', { detail: detail, bubbles: true }));
    }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-leadgate') || !window.fetch) { return; }
    event.preventDefault();
    submit(form);
  });
  scan(document);
  document.addEventListener('DOMContentLoaded', function () { scan(document); });
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (r) { Array.prototype.forEach.call(r.addedNodes, function (n) { if (n.nodeType === 1) { scan(n.parentNode || n); } }); });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  window.Leadgate = { fields: fields, attribution: function () { return read(); }, submit: submit };
})();
