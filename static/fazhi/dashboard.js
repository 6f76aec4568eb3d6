// The dashboard's charts (Apache ECharts, vendored). Every bar, point and slice carries the
// address of the records it counts; clicking it opens them.
(function () {
  "use strict";
  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function openRecords(params) {
    if (params.data && params.data.url) window.location.href = params.data.url;
  }
  var palette = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#c2185b"];
  var charts = [];

  var trend = data("trend-data");
  var trendNode = document.getElementById("trend");
  if (trendNode && trend && trend.series.length) {
    var chart = echarts.init(trendNode);
    chart.setOption({
      color: palette,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      xAxis: { type: "category", data: trend.months },
      yAxis: { type: "value", minInterval: 1 },
      series: trend.series.map(function (s) {
        return { name: s.name, type: "line", smooth: true, symbolSize: 8, data: s.data };
      })
    });
    chart.on("click", openRecords);
    charts.push(chart);
  }

  var breakdown = data("breakdown-data");
  var breakdownNode = document.getElementById("breakdown");
  if (breakdownNode && breakdown && breakdown.rows.length) {
    var bars = echarts.init(breakdownNode);
    var rows = breakdown.rows.slice().reverse(); // the first unit at the top
    bars.setOption({
      color: [palette[0]],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: rows.map(function (r) { return r.name; }) },
      series: [{
        name: breakdown.label, type: "bar", barMaxWidth: 18,
        label: { show: true, position: "right" },
        data: rows.map(function (r) { return { value: r.value, url: r.url, name: r.name }; })
      }]
    });
    bars.on("click", openRecords);
    charts.push(bars);
  }

  (data("pies-data") || []).forEach(function (pie) {
    var node = document.querySelector('.fz-pie[data-group="' + pie.group + '"]');
    if (!node) return;
    var slices = pie.data.filter(function (d) { return Number(d.value) > 0; });
    var chart = echarts.init(node);
    chart.setOption({
      color: palette,
      title: { text: pie.title, left: "center", textStyle: { fontSize: 13 } },
      tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
      series: [{ type: "pie", radius: ["35%", "65%"], top: 24, data: slices,
                 label: { formatter: "{b} {c}" } }]
    });
    chart.on("click", openRecords);
    charts.push(chart);
  });

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
