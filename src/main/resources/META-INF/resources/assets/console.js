// Leadgate console: time zone cookie, stage colours, drag and drop on the board, analytics charts (ECharts).
// No inline script (CSP).
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


  // analytics charts: the data is JSON in data-chart (made by the server), drawn by ECharts (webjar)
  var PALETTE = ['#2563eb', '#16a34a', '#f59e0b', '#db2777', '#7c3aed', '#0891b2', '#ea580c', '#4b5563'];

  function percent(share) {
    return Math.round(share * 1000) / 10 + '%';
  }

  function funnelOption(el, spec) {
    var series = [{
      name: el.getAttribute('data-label-deals') || 'Deals',
      type: 'bar',
      data: spec.counts,
      barMaxWidth: 34,
      itemStyle: { color: '#2563eb' },
      label: {
        show: true,
        position: 'right',
        formatter: function (p) {
          return p.value + '  (' + percent(spec.shares[p.dataIndex]) + ')';
        }
      }
    }];
    if (spec.previous) {
      series.push({
        name: el.getAttribute('data-label-previous') || 'Previous period',
        type: 'bar',
        data: spec.previous,
        barMaxWidth: 34,
        itemStyle: { color: '#cbd5e1' },
        label: { show: true, position: 'right', color: '#667085' }
      });
    }
    return {
      animation: false,
      color: PALETTE,
      grid: { left: 8, right: 90, top: 30, bottom: 8, containLabel: true },
      legend: { show: !!spec.previous, top: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: spec.labels, inverse: true },
      series: series
    };
  }

  function stackOption(spec) {
    return {
      animation: false,
      color: PALETTE,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'category', data: spec.labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: spec.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'leads', data: s.data, barMaxWidth: 40 };
      })
    };
  }

  function charts(root) {
    if (typeof echarts === 'undefined' || !root.querySelectorAll) {
      return;
    }
    var els = root.matches && root.matches('[data-chart]') ? [root] : root.querySelectorAll('[data-chart]');
    Array.prototype.forEach.call(els, function (el) {
      var spec;
      try {
        spec = JSON.parse(el.getAttribute('data-chart'));
      } catch (e) {
        return;
      }
      var old = echarts.getInstanceByDom(el);
      if (old) {
        old.dispose();
      }
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(spec.kind === 'funnel' ? funnelOption(el, spec) : stackOption(spec));
      el.setAttribute('data-chart-drawn', 'true');
    });
  }

  window.addEventListener('resize', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-drawn]').forEach(function (el) {
      var c = echarts.getInstanceByDom(el);
      if (c) {
        c.resize();
      }
    });
  });

  function init(root) {
    colour(root);
    sortable(root);
    stageSortable(root);
    bars(root);
    charts(root);
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
