// Leadgate console: time zone cookie, stage colours, drag and drop on the board. No inline script (CSP).
(function () {
  'use strict';

  var tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz && document.cookie.indexOf('leadgate-tz=' + encodeURIComponent(tz)) < 0) {
    document.cookie = 'leadgate-tz=' + encodeURIComponent(tz) + '; path=/console; max-age=31536000; SameSite=Lax';
  }

  function csrf() {
    return document.body.getAttribute('data-csrf');
  }

  function colour(root) {
    root.querySelectorAll('[data-color]').forEach(function (el) {
      var c = el.getAttribute('data-color');
      if (/^#[0-9a-fA-F]{3,8}$/.test(c)) {
        el.style.setProperty('--stage', c);
      }
    });
  }

  function move(board, dealId, stageId, lossReason) {
    return htmx.ajax('POST', '/console/deals/' + encodeURIComponent(dealId) + '/move', {
      target: '#board-columns',
      swap: 'outerHTML',
      values: {
        stageId: stageId,
        lossReason: lossReason || '',
        pipeline: board.getAttribute('data-pipeline'),
        mine: board.getAttribute('data-mine')
      },
      headers: { 'X-CSRF-Token': csrf() }
    });
  }

  function askLossReason(done) {
    var dialog = document.getElementById('loss-dialog');
    var input = document.getElementById('loss-reason');
    input.value = '';
    dialog.addEventListener('close', function onClose() {
      dialog.removeEventListener('close', onClose);
      done(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null);
    });
    dialog.showModal();
  }

  function sortable(root) {
    if (typeof Sortable === 'undefined') {
      return;
    }
    var board = root.id === 'board-columns' ? root : root.querySelector && root.querySelector('#board-columns');
    if (!board) {
      return;
    }
    board.querySelectorAll('ol.cards').forEach(function (list) {
      Sortable.create(list, {
        group: 'deals',
        animation: 120,
        forceFallback: true, // mouse and touch events: works the same everywhere (and under WebDriver)
        filter: 'details, a, input, select, button',
        preventOnFilter: false,
        onEnd: function (evt) {
          if (evt.from === evt.to) {
            return;
          }
          var dealId = evt.item.getAttribute('data-deal');
          var stageId = evt.to.getAttribute('data-stage');
          var back = function () {
            evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] || null);
          };
          if (evt.to.getAttribute('data-semantics') === 'lost') {
            askLossReason(function (reason) {
              if (reason) {
                move(board, dealId, stageId, reason);
              } else {
                back();
              }
            });
          } else {
            move(board, dealId, stageId, '');
          }
        }
      });
    });
  }

  // stages on the settings page: drag by the handle, the new order goes to the pipeline service
  function stageSortable(root) {
    if (typeof Sortable === 'undefined') {
      return;
    }
    var list = root.id === 'stages' ? root : root.querySelector && root.querySelector('#stages');
    if (!list || !list.getAttribute('data-reorder')) {
      return;
    }
    Sortable.create(list, {
      handle: '.drag',
      animation: 120,
      forceFallback: true,
      onEnd: function (evt) {
        if (evt.oldIndex === evt.newIndex) {
          return;
        }
        var order = Array.prototype.map.call(list.querySelectorAll(':scope > li[data-stage]'), function (li) {
          return li.getAttribute('data-stage');
        });
        htmx.ajax('POST', list.getAttribute('data-reorder'), {
          target: '#pipeline-settings',
          swap: 'outerHTML',
          values: { order: order.join(',') },
          headers: { 'X-CSRF-Token': csrf() }
        });
      }
    });
  }

  // bars of the channels page: heights as a CSS variable (no inline style under the CSP)
  function bars(root) {
    root.querySelectorAll('[data-height]').forEach(function (el) {
      var h = parseInt(el.getAttribute('data-height'), 10);
      if (h >= 0 && h <= 100) {
        el.style.setProperty('--h', h + '%');
      }
    });
  }

  // copy buttons (hook URLs, a new webhook secret)
  document.addEventListener('click', function (evt) {
    var button = evt.target.closest && evt.target.closest('button[data-copy]');
    if (!button || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
      button.textContent = button.getAttribute('data-copied') || button.textContent;
    });
  });

  function init(root) {
    colour(root);
    sortable(root);
    stageSortable(root);
    bars(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    init(document);
    if (window.htmx) {
      htmx.onLoad(function (el) {
        if (el !== document.body) {
          init(el);
        }
      });
    }
  });
})();
