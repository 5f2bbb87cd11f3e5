// The share block's "copy the link" button: a file rather than an inline script, because a page
// served from the cache cannot carry a nonce of its own (the public CSP allows this site's scripts only).
(function () {
  "use strict";

  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.copyTarget);
      var status = document.getElementById(button.dataset.copyStatus);
      var done = function () {
        status.textContent = button.dataset.copiedText;
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(done);
      } else {
        field.select();
        document.execCommand("copy");
        done();
      }
    });
  });
})();
