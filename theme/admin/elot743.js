/* Greek to Latin transliteration by ELOT 743, and slugs made from it: the same rule as
   plugins/kalo/elot743.py (make new-org), so that a folder made in the web editor has the
   name make new-org would give it. tests/web_editor/test_elot743_js.py runs both on the
   same names and compares. */
(function (root) {
  "use strict";
  var SINGLE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o"
  };
  // γ before γ, ξ or χ is a nasal: γγ → ng, γξ → nx, γχ → nch (γκ stays gk).
  var GAMMA_NASAL = "γξχ";
  // αυ, ευ, ηυ: v before vowels and voiced consonants, f before voiceless ones and at the end.
  var VOICELESS = "θκξπστφχψ";
  var DIAERESIS = "\u0308";

  function isLetter(ch) {
    return ch !== "" && ch.toLowerCase() !== ch.toUpperCase();
  }

  function letters(text) {
    var out = [];
    var decomposed = text.toLowerCase().normalize("NFD");
    for (var i = 0; i < decomposed.length; i++) {
      var ch = decomposed[i];
      if (/\p{M}/u.test(ch)) {
        if (ch === DIAERESIS && out.length) out[out.length - 1][1] = true;
        continue;
      }
      out.push([ch, false]);
    }
    return out;
  }

  function transliterate(text) {
    var ls = letters(text);
    var out = [];
    var i = 0;
    while (i < ls.length) {
      var ch = ls[i][0];
      var next = i + 1 < ls.length ? ls[i + 1][0] : "";
      var nextDiaeresis = i + 1 < ls.length ? ls[i + 1][1] : false;
      var after = i + 2 < ls.length ? ls[i + 2][0] : "";
      var prev = i > 0 ? ls[i - 1][0] : "";
      if (ch === "ο" && next === "υ" && !nextDiaeresis) {
        out.push("ou"); i += 2; continue;
      }
      if ("αεη".indexOf(ch) >= 0 && next === "υ" && !nextDiaeresis) {
        var voiceless = VOICELESS.indexOf(after) >= 0 || !isLetter(after);
        out.push(SINGLE[ch] + (voiceless ? "f" : "v")); i += 2; continue;
      }
      if (ch === "γ" && next !== "" && GAMMA_NASAL.indexOf(next) >= 0) {
        out.push("n"); i += 1; continue;
      }
      if (ch === "μ" && next === "π") {
        out.push(!isLetter(prev) || !isLetter(after) ? "b" : "mp"); i += 2; continue;
      }
      out.push(Object.prototype.hasOwnProperty.call(SINGLE, ch) ? SINGLE[ch] : ch);
      i += 1;
    }
    return out.join("");
  }

  function slugify(text) {
    var latin = transliterate(text || "");
    var ascii = latin.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  var api = { transliterate: transliterate, slugify: slugify };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.kaloElot743 = api;
})(this);
