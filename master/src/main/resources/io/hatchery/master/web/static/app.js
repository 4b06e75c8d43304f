// The master's page: polls the Locust-compatible API and drives the swarm form.
const $ = (id) => document.getElementById(id);
const state = { sortKey: null, sortDesc: false, stats: [], history: [], stride: 0, running: false };

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

function cell(row, text, html) {
  const td = document.createElement("td");
  if (html) td.innerHTML = text; else td.textContent = text;
  row.appendChild(td);
  return td;
}

function fixed(value, digits) {
  return value === null || value === undefined ? "" : Number(value).toFixed(digits);
}

function renderStats() {
  const rows = state.stats.slice(0, -1);
  const total = state.stats[state.stats.length - 1];
  if (state.sortKey) {
    const k = state.sortKey;
    rows.sort((a, b) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0) * (state.sortDesc ? -1 : 1));
  }
  const body = $("stats-table").tBodies[0];
  body.replaceChildren();
  for (const s of total ? rows.concat([total]) : rows) {
    const tr = document.createElement("tr");
    if (s === total) tr.className = "total";
    cell(tr, s.method); cell(tr, s.name);
    cell(tr, s.num_requests); cell(tr, s.num_failures);
    cell(tr, s.median_response_time); cell(tr, s.ninetieth_response_time);
    cell(tr, s.ninety_ninth_response_time); cell(tr, fixed(s.avg_response_time, 0));
    cell(tr, s.min_response_time); cell(tr, s.max_response_time);
    cell(tr, fixed(s.avg_content_length, 0)); cell(tr, fixed(s.current_rps, 1));
    cell(tr, fixed(s.current_fail_per_sec, 1));
    body.appendChild(tr);
  }
}

function renderRequests(report) {
  state.stats = report.stats;
  renderStats();
  state.running = report.state === "spawning" || report.state === "running";
  $("state").textContent = report.state;
  $("user-count").textContent = report.user_count;
  $("total-rps").textContent = fixed(report.total_rps, 1);
  $("fail-ratio").textContent = Math.round((report.fail_ratio || 0) * 100) + "%";
  $("worker-count").textContent = (report.workers || []).length;
  const failures = $("failures-table").tBodies[0];
  failures.replaceChildren();
  for (const e of report.errors) {
    const tr = document.createElement("tr");
    cell(tr, e.occurrences); cell(tr, e.method); cell(tr, e.name, true); cell(tr, e.error, true);
    failures.appendChild(tr);
  }
  const workers = $("workers-table").tBodies[0];
  workers.replaceChildren();
  for (const w of report.workers || []) {
    const tr = document.createElement("tr");
    cell(tr, w.id); cell(tr, w.state); cell(tr, w.user_count);
    cell(tr, fixed(w.cpu_usage, 1) + "%"); cell(tr, Math.round(w.memory_usage / 1048576) + " MB");
    workers.appendChild(tr);
  }
  $("start-panel").classList.toggle("hidden", state.running && !state.editing);
}

function renderExceptions(body) {
  const table = $("exceptions-table").tBodies[0];
  table.replaceChildren();
  for (const e of body.exceptions) {
    const tr = document.createElement("tr");
    cell(tr, e.count); cell(tr, e.msg, true);
    cell(tr, "<pre>" + e.traceback + "</pre>", true); cell(tr, e.nodes);
    table.appendChild(tr);
  }
}

function ratioLines(tree, indent, out) {
  for (const [name, node] of Object.entries(tree)) {
    out.push(indent + (node.ratio * 100).toFixed(1) + "% " + name);
    if (node.tasks) ratioLines(node.tasks, indent + "    ", out);
  }
  return out;
}

async function pollRequests() {
  try { renderRequests(await getJson("/stats/requests")); } catch (e) { console.warn(e); }
}

async function pollSlow() {
  try { renderExceptions(await getJson("/exceptions")); } catch (e) { console.warn(e); }
  try {
    const tasks = await getJson("/tasks");
    $("ratio").textContent = "Ratio per User class\n" + ratioLines(tasks.per_class, "  ", []).join("\n")
      + "\n\nTotal ratio\n" + ratioLines(tasks.total, "  ", []).join("\n");
  } catch (e) { console.warn(e); }
}

async function pollHistory() {
  try {
    const last = state.history.length ? state.history[state.history.length - 1].time : null;
    let body = await getJson(last === null ? "/history" : "/history?after=" + last);
    if (body.stride !== state.stride || body.size !== state.history.length + body.points.length) {
      body = await getJson("/history");
      state.history = [];
    }
    state.stride = body.stride;
    state.history = state.history.concat(body.points);
    window.hatcheryCharts.render($("charts"), state.history);
  } catch (e) { console.warn(e); }
}

async function post(path, form) {
  const response = await fetch(path, { method: "POST", body: form ? new URLSearchParams(form) : undefined });
  return response.json().catch(() => ({}));
}

$("swarm-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = await post("/swarm", new FormData(event.target));
  $("form-message").textContent = result.message || "";
  if (result.success) {
    state.editing = false;
    if (result.host) $("host").textContent = result.host;
    await pollRequests();
  }
});
$("edit").addEventListener("click", () => {
  state.editing = true;
  $("form-title").textContent = "Change the running load test";
  $("start-panel").classList.remove("hidden");
});
$("stop").addEventListener("click", async () => { await post("/stop"); await pollRequests(); });
$("reset").addEventListener("click", async () => {
  await fetch("/stats/reset", { method: "POST" });
  await pollRequests(); await pollHistory();
});
for (const button of document.querySelectorAll(".tabs button")) {
  button.addEventListener("click", () => {
    document.querySelectorAll(".tabs button, .tab").forEach((el) => el.classList.remove("active"));
    button.classList.add("active");
    $("tab-" + button.dataset.tab).classList.add("active");
    if (button.dataset.tab === "charts") window.hatcheryCharts.resize();
  });
}
for (const th of document.querySelectorAll("#stats-table th[data-key]")) {
  th.addEventListener("click", () => {
    state.sortDesc = state.sortKey === th.dataset.key ? !state.sortDesc : false;
    state.sortKey = th.dataset.key;
    renderStats();
  });
}

pollRequests(); pollSlow(); pollHistory();
setInterval(pollRequests, 2000);
setInterval(pollHistory, 2000);
setInterval(pollSlow, 5000);
