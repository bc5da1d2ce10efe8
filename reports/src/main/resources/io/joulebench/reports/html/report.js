// Copy buttons only; every step is guarded so the page never logs an error (file:// may lack a clipboard).
(function () {
  try {
    var buttons = document.querySelectorAll('button.copy');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (ev) {
        var b = ev.currentTarget;
        try {
          var src = document.getElementById(b.getAttribute('data-copy'));
          if (src && navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(src.textContent).then(function () { b.textContent = 'Copied'; },
              function () { b.textContent = 'Copy failed'; });
          } else {
            b.textContent = 'Select the text to copy';
          }
        } catch (e) { b.textContent = 'Select the text to copy'; }
      });
    }
  } catch (e) { /* the page stays readable without the buttons */ }
})();
