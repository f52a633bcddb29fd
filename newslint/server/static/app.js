// The newslint web page: send the story to /v1/check, highlight what comes back,
// apply a safe fix when its button is pressed. Offsets from the server count
// Unicode code points; JavaScript strings count UTF-16 units, so they are converted.
"use strict";

(function () {
  const story = document.getElementById("story");
  const format = document.getElementById("format");
  const auto = document.getElementById("auto");
  const checkButton = document.getElementById("check");
  const fixAll = document.getElementById("fix-all");
  const status = document.getElementById("status");
  const highlighted = document.getElementById("highlighted");
  const list = document.getElementById("findings");
  const count = document.getElementById("count");

  let checked = null; // {text, format, result} of the last answer shown
  let pending = 0; // sequence number of the latest request
  let timer = null;

  // unitIndex[cp] is the UTF-16 index of code point cp (and one past the end)
  function unitIndex(text) {
    const out = [];
    let i = 0;
    for (const ch of text) {
      out.push(i);
      i += ch.length;
    }
    out.push(i);
    return out;
  }

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  async function check() {
    const text = story.value;
    const fmt = format.value;
    const seq = ++pending;
    setStatus("Checking\u2026");
    let response, body;
    try {
      response = await fetch("/v1/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, format: fmt }),
      });
      body = await response.json();
    } catch (err) {
      if (seq === pending) setStatus("Could not reach the server: " + err.message, true);
      return;
    }
    if (seq !== pending) return; // a newer check is on its way
    if (!response.ok) {
      setStatus("The server refused the check: " + (body.error || response.status), true);
      return;
    }
    checked = { text: text, format: fmt, result: body };
    render();
    const n = body.findings.length;
    setStatus(n === 0 ? "No problems found." : n + (n === 1 ? " problem" : " problems") + " found.");
  }

  function schedule() {
    if (!auto.checked) return;
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  function describeFix(fix, text, units) {
    const parts = fix.edits.map(function (e) {
      const old = text.slice(units[e.start_offset], units[e.end_offset]);
      if (!old) return "insert \u2018" + e.replacement + "\u2019";
      if (!e.replacement) return "remove \u2018" + old + "\u2019";
      return "\u2018" + old + "\u2019 \u2192 \u2018" + e.replacement + "\u2019";
    });
    return "Fix: " + (fix.description || parts.join("; "));
  }

  function applyFix(fix) {
    if (!checked || story.value !== checked.text) {
      setStatus("The story changed since it was checked; checking again first.", true);
      check();
      return;
    }
    const units = unitIndex(checked.text);
    const edits = fix.edits.slice().sort(function (a, b) { return b.start_offset - a.start_offset; });
    let text = checked.text;
    for (const e of edits) {
      text = text.slice(0, units[e.start_offset]) + e.replacement + text.slice(units[e.end_offset]);
    }
    story.value = text;
    check();
  }

  function activate(ids) {
    for (const el of document.querySelectorAll(".active")) el.classList.remove("active");
    for (const id of ids) {
      const item = document.getElementById("finding-" + id);
      if (item) item.classList.add("active");
      for (const m of highlighted.querySelectorAll("mark")) {
        if (m.dataset.ids.split(" ").indexOf(String(id)) >= 0) m.classList.add("active");
      }
    }
    const first = document.getElementById("finding-" + ids[0]);
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  const RANK = { info: 1, warning: 2, error: 3 };

  function render() {
    const text = checked.text;
    const findings = checked.result.findings;
    const units = unitIndex(text);
    const cps = units.length - 1;

    // cut the text wherever a finding starts or ends; each piece knows who covers it
    const cuts = new Set([0, cps]);
    findings.forEach(function (f) { cuts.add(f.start_offset); cuts.add(f.end_offset); });
    const bounds = Array.from(cuts).filter(function (c) { return c >= 0 && c <= cps; }).sort(function (a, b) { return a - b; });

    highlighted.replaceChildren();
    for (let b = 0; b < bounds.length; b++) {
      const start = bounds[b];
      // a finding that covers no text (a missing mark) shows as a point here
      findings.forEach(function (f, i) {
        if (f.start_offset === start && f.end_offset === start) {
          const point = document.createElement("mark");
          point.className = "point " + f.severity;
          point.dataset.ids = String(i);
          point.title = f.message;
          highlighted.appendChild(point);
        }
      });
      if (b === bounds.length - 1) break;
      const end = bounds[b + 1];
      const piece = text.slice(units[start], units[end]);
      const covering = [];
      findings.forEach(function (f, i) {
        if (f.start_offset <= start && end <= f.end_offset && f.start_offset < f.end_offset) covering.push(i);
      });
      if (covering.length === 0) {
        highlighted.appendChild(document.createTextNode(piece));
        continue;
      }
      const mark = document.createElement("mark");
      let sev = "info";
      covering.forEach(function (i) {
        if (RANK[findings[i].severity] > RANK[sev]) sev = findings[i].severity;
      });
      mark.className = sev;
      if (covering.some(function (i) { return findings[i].severity === "info"; }) && sev !== "info") {
        mark.classList.add("info");
      }
      // the narrowest finding first: that is the one a click means
      covering.sort(function (x, y) {
        return (findings[x].end_offset - findings[x].start_offset) - (findings[y].end_offset - findings[y].start_offset);
      });
      mark.dataset.ids = covering.join(" ");
      mark.title = covering.map(function (i) { return findings[i].message; }).join("\n");
      mark.textContent = piece;
      highlighted.appendChild(mark);
    }

    list.replaceChildren();
    findings.forEach(function (f, i) {
      const item = document.createElement("li");
      item.id = "finding-" + i;
      const sev = document.createElement("span");
      sev.className = "sev " + f.severity;
      sev.textContent = f.severity;
      const rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = f.code + " " + f.name;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = " line " + f.line + ", column " + f.column;
      const message = document.createElement("span");
      message.className = "message";
      message.textContent = f.message;
      item.append(sev, rule, where, message);
      if (f.fix && f.fix.applicability === "safe") {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "fix";
        button.textContent = describeFix(f.fix, text, units);
        button.addEventListener("click", function () { applyFix(f.fix); });
        item.appendChild(button);
      }
      item.addEventListener("click", function (ev) {
        if (ev.target.tagName !== "BUTTON") activate([i]);
      });
      list.appendChild(item);
    });
    count.textContent = "(" + findings.length + ")";
    fixAll.hidden = !checked.result.safe_fixes.fixed_text;
  }

  highlighted.addEventListener("click", function (ev) {
    const mark = ev.target.closest("mark");
    if (mark) activate(mark.dataset.ids.split(" ").map(Number));
  });
  fixAll.addEventListener("click", function () {
    if (!checked || story.value !== checked.text) {
      check();
      return;
    }
    if (checked.result.safe_fixes.fixed_text) {
      story.value = checked.result.safe_fixes.fixed_text;
      check();
    }
  });
  checkButton.addEventListener("click", check);
  story.addEventListener("input", schedule);
  format.addEventListener("change", check);
})();
