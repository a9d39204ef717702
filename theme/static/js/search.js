// The search page (theme/templates/search.html): runs the visitor's query against the
// Pagefind index of the page's language (in parts, merged here; written by the build,
// plugins/search). Interface strings come from the form's data-* attributes, translated
// through the site's catalogs. Without JavaScript the form stays hidden and the page
// shows links to the directory's categories.
//
// Greek: Pagefind's Greek index (Snowball's Greek stemmer) already ignores case, accents,
// diaeresis and final sigma and matches inflected forms; the query is only normalized to
// NFC here, so that decomposed accents typed on some keyboards fold the same way.

const form = document.querySelector("form[data-search]");
if (form) {
  start(form);
}

function start(form) {
  const data = form.dataset;
  const input = form.querySelector("input[type=search]");
  const filterList = form.querySelector(".search-filter-list");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-results");
  const selects = {};
  let pagefind = null;
  let timer = null;
  let latest = 0;

  form.hidden = false;

  const format = (template, values) =>
    template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));

  // The index is in parts (plugins/search): Pagefind is loaded from the first part of
  // the page's language and the other parts are merged into it (they load only their
  // index files). parts.json is read afresh: part folders change with every rebuild.
  function load() {
    if (!pagefind) {
      pagefind = (async () => {
        const response = await fetch(data.bundle + "parts.json", { cache: "no-store" });
        const parts = (await response.json())[document.documentElement.lang] || [];
        if (!parts.length) throw new Error("no search index for this language");
        const baseUrl = new URL(data.base, location.href).pathname;
        const loaded = await import(data.bundle + parts[0] + "pagefind.js");
        await loaded.options({ baseUrl });
        await loaded.init();
        await Promise.all(parts.slice(1).map((part) => loaded.mergeIndex(data.bundle + part, { baseUrl })));
        return loaded;
      })();
    }
    return pagefind;
  }

  // The selects are in the page (theme/templates/search.html); their values come from the
  // index. A filter without values stays disabled (removing it would move the page).
  async function buildFilters() {
    const available = await (await load()).filters();
    for (const select of filterList.querySelectorAll("select")) {
      const values = available[select.name];
      if (!values || !Object.keys(values).length) continue;
      for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, document.documentElement.lang))) {
        select.append(new Option(value, value));
      }
      select.addEventListener("change", () => run());
      select.disabled = false;
      selects[select.name] = select;
    }
  }

  function chosenFilters() {
    const filters = {};
    for (const [key, select] of Object.entries(selects)) {
      if (select.value) filters[key] = select.value;
    }
    return filters;
  }

  // An excerpt is text with <mark> around the matches: rebuild it from text nodes only.
  function excerptNode(html) {
    const parsed = document.createElement("template");
    parsed.innerHTML = html;
    const paragraph = document.createElement("p");
    for (const node of parsed.content.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    }
    return paragraph;
  }

  function resultItem(page) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = (page.meta && page.meta.title) || page.url;
    heading.append(link);
    item.append(heading, excerptNode(page.excerpt || ""));
    return item;
  }

  // Each result's text is a file of its own: the first screenful is fetched and shown
  // (with the count, announced once), then the rest of the first 50 is appended. The list
  // is aria-busy until it is complete.
  const FIRST = 10;
  const MOST = 50;

  async function run() {
    const query = input.value.normalize("NFC").trim();
    const filters = chosenFilters();
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!query && !Object.keys(filters).length) {
      status.textContent = "";
      list.replaceChildren();
      list.setAttribute("aria-busy", "false");
      return;
    }
    status.textContent = data.msgLoading;
    list.setAttribute("aria-busy", "true");
    let results;
    let first;
    try {
      results = (await (await load()).search(query || null, { filters })).results;
      first = await Promise.all(results.slice(0, FIRST).map((result) => result.data()));
    } catch (error) {
      status.textContent = data.msgError;
      list.setAttribute("aria-busy", "false");
      throw error;
    }
    if (ticket !== latest) return; // a newer query has started
    list.replaceChildren(...first.map(resultItem));
    const total = results.length;
    const shown = query || Object.values(filters).join(", ");
    const template = total === 0 ? data.msgNone : total === 1 ? data.msgOne : data.msgMany;
    status.textContent = format(template, { n: total.toLocaleString(document.documentElement.lang), query: shown });
    try {
      const rest = await Promise.all(results.slice(FIRST, MOST).map((result) => result.data()));
      if (ticket !== latest) return;
      list.append(...rest.map(resultItem));
    } finally {
      if (ticket === latest) list.setAttribute("aria-busy", "false");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });

  buildFilters().catch(() => { status.textContent = data.msgError; });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
}
