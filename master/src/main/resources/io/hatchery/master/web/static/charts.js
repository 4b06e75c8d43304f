// Shared by the page and the HTML report: draws the three charts from history rows
// ({time, user_count, current_rps, current_fail_per_sec, response_time_percentile_0.5/0.95}).
(function () {
  "use strict";
  function series(rows, key) {
    return rows.map(function (r) { return [r.time, r[key]]; });
  }
  function option(title, lines) {
    return {
      animation: false,
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { top: 0, right: 10 },
      grid: { left: 60, right: 30, top: 40, bottom: 30 },
      xAxis: { type: "time" },
      yAxis: { type: "value" },
      series: lines.map(function (l) {
        return { name: l.name, type: "line", showSymbol: false, connectNulls: true, data: l.data };
      })
    };
  }
  function ensure(container, id) {
    var el = document.getElementById(id);
    if (!el) {
      el = document.createElement("div");
      el.id = id;
      el.className = "chart";
      container.appendChild(el);
    }
    return el;
  }
  window.hatcheryCharts = {
    charts: {},
    render: function (container, rows) {
      var specs = [
        ["chart-rps", "Total Requests per Second", [
          { name: "RPS", data: series(rows, "current_rps") },
          { name: "Failures/s", data: series(rows, "current_fail_per_sec") }]],
        ["chart-response-times", "Response Times (ms)", [
          { name: "Median Response Time", data: series(rows, "response_time_percentile_0.5") },
          { name: "95% percentile", data: series(rows, "response_time_percentile_0.95") }]],
        ["chart-users", "Number of Users", [
          { name: "Users", data: series(rows, "user_count") }]]
      ];
      var self = this;
      specs.forEach(function (spec) {
        var el = ensure(container, spec[0]);
        if (typeof echarts === "undefined") {
          el.textContent = spec[1] + ": " + rows.length + " points (chart library missing)";
          return;
        }
        var chart = self.charts[spec[0]] || (self.charts[spec[0]] = echarts.init(el));
        chart.setOption(option(spec[1], spec[2]));
        el.setAttribute("data-points", String(rows.length));
      });
    },
    resize: function () {
      Object.keys(this.charts).forEach(function (k) { this.charts[k].resize(); }, this);
    }
  };
})();
