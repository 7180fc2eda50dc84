// tolltrack pages: draw the incident timeline; bring a highlighted claim into view.
"use strict";

function drawTimeline() {
  const holder = document.getElementById("chart");
  const data = document.getElementById("chart-data");
  if (!holder || !data || typeof Plotly === "undefined") return;
  const series = JSON.parse(data.textContent);
  // One step line per side, for the first category that has figures (killed first).
  const order = ["killed", "injured", "missing", "casualties"];
  const category = order.find((c) => series.some((s) => s.category === c));
  const traces = series
    .filter((s) => s.category === category)
    .map((s) => ({
      type: "scatter",
      mode: "lines+markers",
      line: { shape: "hv" },
      name: s.side === "?" ? "unattributed" : s.side,
      x: s.points.map((p) => p.date),
      y: s.points.map((p) => p.value),
      marker: { symbol: s.points.map((p) => (p.superseded ? "x" : "circle")), size: 9 },
      customdata: s.points.map((p) => [p.claimant || "unattributed", p.source || p.document,
        p.superseded ? " (earlier figure)" : ""]),
      hovertemplate: "%{y} " + category + " · %{x}<br>%{customdata[0]}%{customdata[2]}" +
        "<br>%{customdata[1]}<extra>%{fullData.name}</extra>",
    }));
  Plotly.newPlot(holder, traces, {
    title: { text: category + " per side" },
    xaxis: { type: "date" },
    yaxis: { rangemode: "tozero" },
    margin: { t: 40, r: 10, b: 40, l: 50 },
  }, { displaylogo: false, responsive: true });
}

function showCurrentClaim() {
  const mark = document.querySelector("mark.claim.current");
  if (mark) mark.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  drawTimeline();
  showCurrentClaim();
});
