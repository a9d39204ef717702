// Turns the harvester-proof e-mail text of a profile ("user [at] example [dot] org")
// into a normal mailto link. Without JavaScript the readable text stays.
document.querySelectorAll(".email[data-user][data-domain]").forEach(function (node) {
  var reverse = function (text) { return text.split("").reverse().join(""); };
  var address = reverse(node.dataset.user) + "@" + reverse(node.dataset.domain);
  var link = document.createElement("a");
  link.href = "mailto:" + address;
  link.textContent = address;
  node.replaceChildren(link);
});
