/* The observatory's parts of the web editor (Decap CMS), loaded after decap-cms.js,
   js-yaml and elot743.js. The form itself is generated from the content descriptions
   (config.yml); this file keeps what Decap cannot take from a configuration:

   1. File formats that write exactly the files of the content contract: profile.yaml,
      Markdown with YAML front matter, and plain Markdown for the about texts. Empty fields
      are left out, and fields named with a leading "_" (used only to name new files) are
      never written.
   2. The names of new files: an organization's folder is the ELOT 743 transliteration of
      its Greek name (as `make new-org` makes it), a workshop summary is
      <series>-<number>.md, a page is named after its Greek title.
   3. Greek collections list only the Greek files of a folder that also holds the English
      translations (<name>.en.md).
   4. Previews with the site's own stylesheet, in Greek and in English. */
(function () {
  "use strict";
  var script = document.currentScript;
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var jsyaml = window.jsyaml;
  var elot = window.kaloElot743;

  // --- 1. file formats ------------------------------------------------------------------

  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }

  // Empty values and "_" fields out, recursively; strings trimmed.
  function pruned(value) {
    if (Array.isArray(value)) {
      return value.map(pruned).filter(function (item) { return !isEmpty(item); });
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        if (key.charAt(0) === "_") return;
        var item = pruned(value[key]);
        if (!isEmpty(item)) out[key] = item;
      });
      return out;
    }
    return typeof value === "string" ? value.trim() : value;
  }

  // The fields in the order of the form; anything else after them.
  function ordered(data, sortedKeys) {
    var out = {};
    (sortedKeys || []).forEach(function (key) {
      if (Object.prototype.hasOwnProperty.call(data, key)) out[key] = data[key];
    });
    Object.keys(data).forEach(function (key) {
      if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = data[key];
    });
    return out;
  }

  // YAML 1.2's core schema: dates stay text in the form and are written unquoted, as
  // YYYY-MM-DD, which the site reads as dates.
  function load(text) {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) || {};
  }

  function dump(data) {
    return jsyaml.dump(data, {
      schema: jsyaml.CORE_SCHEMA,
      lineWidth: -1,
      noRefs: true,
      quotingType: '"'
    });
  }

  CMS.registerCustomFormat("kalo-yaml", "yaml", {
    fromFile: load,
    toFile: function (data, sortedKeys) {
      return dump(ordered(pruned(data), sortedKeys));
    }
  });

  var FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

  CMS.registerCustomFormat("kalo-frontmatter", "md", {
    fromFile: function (text) {
      var match = FENCE.exec(text);
      if (!match) return { body: text };
      var data = load(match[1]);
      data.body = match[2].replace(/^\s*\n/, "");
      return data;
    },
    toFile: function (data, sortedKeys) {
      var body = (data.body || "").trim();
      var meta = pruned(data);
      delete meta.body;
      return "---\n" + dump(ordered(meta, sortedKeys)) + "---\n\n" + body + "\n";
    }
  });

  CMS.registerCustomFormat("kalo-markdown", "md", {
    fromFile: function (text) { return { body: text }; },
    toFile: function (data) { return (data.body || "").trim() + "\n"; }
  });

  // --- 2. names of new files --------------------------------------------------------------

  function pad(number) {
    var text = String(number || "");
    return text.length === 1 ? "0" + text : text;
  }

  var NAMES = {
    organizations: function (data) { return elot.slugify(data.getIn(["name", "el"]) || ""); },
    workshops: function (data) { return data.get("series") + "-" + pad(data.get("number")); },
    workshops_en: function (data) { return data.get("series") + "-" + pad(data.get("number")); },
    pages: function (data) { return elot.slugify(data.get("title") || ""); },
    pages_en: function (data) {
      return data.get("_original") || elot.slugify(data.get("title") || "");
    }
  };

  CMS.registerEventListener({
    name: "preSave",
    handler: function (args) {
      var entry = args.entry;
      var name = NAMES[entry.get("collection")];
      var data = entry.get("data");
      return name ? data.set("_slug", name(data)) : data;
    }
  });

  // --- 3. what the backend reads: Greek lists, folder names --------------------------------

  // Folders whose English files are <name>.en.md beside the Greek <name>.md (from the
  // configuration: a folder with one collection of "md" files and one of "en.md" files).
  function translatedFolders(config) {
    var byFolder = {};
    var plain = typeof config.toJS === "function" ? config.toJS() : config;
    (plain.collections || []).forEach(function (collection) {
      if (!collection.folder) return;
      byFolder[collection.folder] = (byFolder[collection.folder] || []).concat([collection.extension]);
    });
    return Object.keys(byFolder).filter(function (folder) {
      return byFolder[folder].indexOf("md") >= 0 && byFolder[folder].indexOf("en.md") >= 0;
    });
  }

  function greekOnly(folders, folder, extension, entries) {
    if (extension !== "md" || folders.indexOf(folder) < 0) return entries;
    return entries.filter(function (entry) {
      var name = entry.file.path.split("/").pop();
      return !/\.[a-z]{2}\.md$/.test(name) && name !== "README.md";
    });
  }

  // An organization's profile.yaml, read with its folder's name as the field "_folder": the
  // value that other fields (partners, participants) store, and never written back.
  function profileFiles(config) {
    var plain = typeof config.toJS === "function" ? config.toJS() : config;
    return (plain.collections || [])
      .filter(function (c) { return c.format === "kalo-yaml" && c.path; })
      .map(function (c) { return { folder: c.folder, file: c.path.split("/").pop() + ".yaml" }; });
  }

  function withFolder(profiles, entry) {
    if (!entry || !entry.file || typeof entry.data !== "string") return entry;
    var parts = entry.file.path.split("/");
    var matches = profiles.some(function (p) {
      return parts[parts.length - 1] === p.file && parts.slice(0, -2).join("/") === p.folder;
    });
    if (!matches) return entry;
    var folder = parts[parts.length - 2];
    var data = entry.data.replace(/\s*$/, "\n") + "_folder: " + folder + "\n";
    return Object.assign({}, entry, { data: data });
  }

  function wrap(backendName) {
    var base = CMS.getBackend(backendName);
    if (!base) return;
    function KaloBackend(config) {
      var inner = base.init.apply(null, arguments);
      var folders = translatedFolders(config);
      var profiles = profileFiles(config);
      return new Proxy(inner, {
        get: function (target, property) {
          var value = target[property];
          if (typeof value !== "function") return value;
          if (property === "entriesByFolder" || property === "allEntriesByFolder") {
            return function (folder, extension) {
              return value.apply(target, arguments).then(function (entries) {
                return greekOnly(folders, folder, extension, entries).map(function (entry) {
                  return withFolder(profiles, entry);
                });
              });
            };
          }
          if (property === "getEntry" || property === "entriesByFiles") {
            return function () {
              return value.apply(target, arguments).then(function (result) {
                return Array.isArray(result)
                  ? result.map(function (entry) { return withFolder(profiles, entry); })
                  : withFolder(profiles, result);
              });
            };
          }
          return value.bind(target);
        }
      });
    }
    CMS.registerBackend("kalo-" + backendName, KaloBackend);
  }

  ["proxy", "github", "gitlab", "git-gateway"].forEach(wrap);

  // --- 4. previews ------------------------------------------------------------------------

  var siteCss = script && script.getAttribute("data-site-css");
  if (siteCss) CMS.registerPreviewStyle(siteCss);

  // The Greek label of a code, from the form's own select field.
  function labelOf(collection, name, code) {
    var found = code;
    collection.get("fields").forEach(function (field) {
      if (field.get("name") !== name || !field.get("options")) return;
      field.get("options").forEach(function (option) {
        if (option.get("value") === code) found = option.get("label");
      });
    });
    return found;
  }

  function text(data, path, lang) {
    var value = data.getIn(path.concat([lang]));
    return value || (lang === "en" ? data.getIn(path.concat(["el"])) : "");
  }

  var ProfilePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var collection = this.props.collection;
      var facts = ["kind", "legal_form", "municipality"].map(function (name) {
        return h("li", { key: name }, labelOf(collection, name, data.get(name)));
      });
      var language = function (lang, heading) {
        return h(
          "section",
          { lang: lang, key: lang, className: "profile" },
          h("p", { className: "meta" }, heading),
          h("h1", {}, text(data, ["name"], lang)),
          h("p", { className: "lead" }, text(data, ["summary"], lang)),
          h("ul", { className: "tags" }, facts)
        );
      };
      return h("div", { className: "wrap" }, language("el", "Ελληνικά"), language("en", "English"));
    }
  });

  var WorkshopPreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var topics = (data.get("topics") || []).map
        ? data.get("topics").map(function (topic, index) { return h("li", { key: index }, topic); })
        : [];
      return h(
        "div",
        { className: "wrap prose" },
        h("p", { className: "meta" },
          labelOf(this.props.collection, "series", data.get("series")) + " " + (data.get("number") || "")),
        h("h1", {}, data.get("title")),
        h("p", { className: "lead" }, data.get("summary")),
        h("ul", {}, topics),
        this.props.widgetFor("body")
      );
    }
  });

  var TextPreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return h("div", { className: "wrap prose" },
        data.get("title") ? h("h1", {}, data.get("title")) : null,
        this.props.widgetFor("body"));
    }
  });

  CMS.registerPreviewTemplate("organizations", ProfilePreview);
  CMS.registerPreviewTemplate("workshops", WorkshopPreview);
  CMS.registerPreviewTemplate("workshops_en", WorkshopPreview);
  CMS.registerPreviewTemplate("organization_about", TextPreview);
  CMS.registerPreviewTemplate("pages", TextPreview);
  CMS.registerPreviewTemplate("pages_en", TextPreview);

  CMS.init();
})();
