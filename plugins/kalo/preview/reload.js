// The live preview's reload script (kalo/preview): served by `make devserver` and `make edit`
// only, never part of the built site. The preview adds it to every page it serves as
// <script src="/_preview/reload.js" data-version="N" defer>; it listens to the preview's
// events and reloads the page when it changed, when the content broke or was fixed.
(function () {
  "use strict";
  var script = document.currentScript;
  var loaded = Number(script && script.dataset.version) || 0;
  var here = location.pathname;

  function names(list) {
    return list.some(function (path) {
      return path === here || path === here + "index.html" || path + "index.html" === here;
    });
  }

  function changed(news) {
    if (news.version <= loaded) {
      return false;
    }
    if (news.hello || news.pages === null || news.problems) {
      return true;
    }
    if (news.pages && !names(news.pages)) {
      return false;
    }
    return !(news.except && names(news.except));
  }

  var source = new EventSource("/_preview/events");
  source.addEventListener("message", function (event) {
    var news = JSON.parse(event.data);
    if (changed(news)) {
      source.close();
      location.reload();
    }
    loaded = Math.max(loaded, news.version);
  });
})();
