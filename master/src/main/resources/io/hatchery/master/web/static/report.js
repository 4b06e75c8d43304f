(function () {
  "use strict";
  var history = JSON.parse(document.getElementById("history").textContent);
  window.hatcheryCharts.render(document.getElementById("charts"), history);
  var tasks = JSON.parse(document.getElementById("tasks").textContent);
  function lines(tree, indent, out) {
    Object.keys(tree).forEach(function (name) {
      var node = tree[name];
      out.push(indent + (node.ratio * 100).toFixed(1) + "% " + name);
      if (node.tasks) { lines(node.tasks, indent + "    ", out); }
    });
    return out;
  }
  document.getElementById("ratio").textContent = lines(tasks.total, "", []).join("\n");
})();
