// Pantau PBJ host snippet: sizes every <iframe data-pantau> on this page to the height its
// widget reports. Copy it into the host page (inline or as a file). It believes a message only
// from the frame's own window and the frame's own origin, and only a finite height, clamped.
// Frames that reported before it ran are asked to measure again.
(function () {
  var MIN = 200;
  var MAX = 6000;
  function ask(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'pantau-pbj:measure' }, new URL(frame.src, window.location.href).origin);
  }
  function askAll() {
    var frames = document.querySelectorAll('iframe[data-pantau]');
    for (var index = 0; index < frames.length; index += 1) {
      ask(frames[index]);
      frames[index].addEventListener('load', function (event) { ask(event.target); });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askAll);
  else askAll();
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'pantau-pbj:height' || data.version !== 1) return;
    var frames = document.querySelectorAll('iframe[data-pantau]');
    for (var index = 0; index < frames.length; index += 1) {
      var frame = frames[index];
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, window.location.href).origin) return;
      var height = Number(data.height);
      if (!isFinite(height)) return;
      frame.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(height))) + 'px';
      return;
    }
  });
})();
