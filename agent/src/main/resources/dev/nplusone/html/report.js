// The findings table: sort by a column, expand a row to its details. Nothing is fetched; the page
// is whole without this script, which only moves and shows what is already there.
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];

  // Each finding is two rows: the finding and its detail, which move together.
  function pairs() {
    var out = [];
    var rows = body.rows;
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].classList.contains("finding")) {
        out.push({ row: rows[i], detail: document.getElementById(rows[i].getAttribute("data-detail")), index: out.length });
      }
    }
    return out;
  }

  function key(pair, column, numeric) {
    var value = pair.row.cells[column].getAttribute("data-sort") || "";
    return numeric ? Number(value) : value.toLowerCase();
  }

  function sortBy(header) {
    var column = header.cellIndex;
    var numeric = header.getAttribute("data-kind") === "number";
    // Numbers start with the largest, text with A; a second click turns it around.
    var first = numeric ? "descending" : "ascending";
    var order = header.getAttribute("aria-sort") === first ? (first === "ascending" ? "descending" : "ascending") : first;
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) {
      if (headers[i].hasAttribute("aria-sort")) {
        headers[i].setAttribute("aria-sort", "none");
      }
    }
    header.setAttribute("aria-sort", order);
    var sign = order === "ascending" ? 1 : -1;
    var all = pairs();
    all.sort(function (a, b) {
      var x = key(a, column, numeric);
      var y = key(b, column, numeric);
      return x < y ? -sign : x > y ? sign : a.index - b.index;
    });
    all.forEach(function (p) {
      body.appendChild(p.row);
      body.appendChild(p.detail);
    });
  }

  function setOpen(row, open) {
    var detail = document.getElementById(row.getAttribute("data-detail"));
    detail.hidden = !open;
    row.classList.toggle("open", open);
    row.querySelector(".toggle").setAttribute("aria-expanded", String(open));
  }

  table.tHead.addEventListener("click", function (event) {
    var header = event.target.closest("th[data-kind]");
    if (header) {
      sortBy(header);
    }
  });

  body.addEventListener("click", function (event) {
    var row = event.target.closest("tr.finding");
    if (row && !event.target.closest("a")) {
      setOpen(row, row.classList.contains("open") === false);
    }
  });

  // A link to #finding-N (from a report's summary) opens that finding.
  function openTarget() {
    var id = window.location.hash.slice(1);
    var row = id ? document.getElementById(id) : null;
    if (row && row.classList.contains("finding")) {
      setOpen(row, true);
      row.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
