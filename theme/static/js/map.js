// The organizations map (theme/templates/map.html, plugins/map). Nothing is loaded until
// the visitor presses "Show the map": then Leaflet (served by the site), the marker data
// (map/organizations.json of the page's language) and OpenStreetMap's tiles. Interface
// strings come from data-* attributes, translated through the site's catalogs.
// Organizations at the same coordinates are spread in a small circle (in screen pixels,
// so at every zoom level) and each stays clickable.

(function () {
  "use strict";

  var app = document.querySelector("[data-map]");
  if (!app) return;

  var data = app.dataset;
  var options = JSON.parse(data.options);
  var button = app.querySelector(".map-show");
  var consent = app.querySelector(".map-consent");
  var filters = app.querySelector(".map-filters");
  var status = app.querySelector(".map-status");
  var canvas = app.querySelector(".map-canvas");
  var SPREAD = 16; // pixels between the centre of a shared place and each of its markers
  var SIZE = 22; // marker size in pixels (theme/css/site.css, .map-marker)

  app.hidden = false;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  function loadStyle(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = resolve;
      link.onerror = function () { reject(new Error("cannot load " + href)); };
      document.head.appendChild(link);
    });
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  function icon(marker) {
    var dx = 0;
    var dy = 0;
    if (marker.of > 1) {
      var angle = (2 * Math.PI * marker.spot) / marker.of - Math.PI / 2;
      dx = Math.round(SPREAD * Math.cos(angle));
      dy = Math.round(SPREAD * Math.sin(angle));
    }
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = marker.name;
    return L.divIcon({
      className: "map-marker map-marker-" + marker.kind,
      html: label,
      iconSize: [SIZE, SIZE],
      iconAnchor: [SIZE / 2 - dx, SIZE / 2 - dy],
      popupAnchor: [dx, dy - SIZE / 2],
    });
  }

  function popup(marker) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = marker.url;
    link.textContent = marker.name;
    link.className = "map-popup-name";
    var facts = document.createElement("p");
    facts.textContent = marker.labels.municipality + " · " + marker.labels.kind;
    box.append(link, facts);
    return box;
  }

  function matches(marker, chosen) {
    return Object.keys(chosen).every(function (key) {
      var value = marker[key];
      return Array.isArray(value) ? value.indexOf(chosen[key]) !== -1 : value === chosen[key];
    });
  }

  function show(site) {
    canvas.hidden = false;
    var map = L.map(canvas, { center: options.center, zoom: options.zoom, scrollWheelZoom: false });
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", data.msgMap);
    L.tileLayer(options.tiles, {
      subdomains: options.subdomains,
      maxZoom: options.maxZoom,
      attribution: options.attribution,
    }).addTo(map);
    var layer = L.layerGroup().addTo(map);
    var all = site.markers.map(function (marker) {
      var item = L.marker([marker.lat, marker.lon], { icon: icon(marker), title: marker.name, keyboard: true });
      item.bindPopup(popup(marker));
      item.data = marker;
      return item;
    });

    function update(fit) {
      var chosen = {};
      new FormData(filters).forEach(function (value, key) {
        if (value) chosen[key] = value;
      });
      layer.clearLayers();
      var shown = all.filter(function (item) { return matches(item.data, chosen); });
      shown.forEach(function (item) { layer.addLayer(item); });
      status.textContent = format(shown.length === 1 ? data.msgOne : data.msgMany, {
        n: shown.length.toLocaleString(document.documentElement.lang),
      });
      if (fit && shown.length) {
        map.fitBounds(L.latLngBounds(shown.map(function (item) { return item.getLatLng(); })), {
          padding: [SIZE * 2, SIZE * 2], maxZoom: 16,
        });
      }
    }

    filters.hidden = false;
    filters.addEventListener("change", function () { update(true); });
    update(true);
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = data.msgLoading;
    Promise.all([
      loadStyle(data.leafletCss),
      loadScript(data.leafletJs),
      fetch(data.data).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + data.data);
        return response.json();
      }),
    ]).then(function (loaded) {
      button.hidden = true;
      consent.hidden = true;
      show(loaded[2]);
    }).catch(function (error) {
      button.disabled = false;
      status.textContent = data.msgError;
      throw error;
    });
  });
})();
