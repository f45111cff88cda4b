// Pantau PBJ host snippet: sizes every <iframe data-pantau> on this page to the height its
// widget reports. Copy it into the host page (inline or as a file). It believes a message only
// from the frame's own window and the frame's own origin, and only a finite height, clamped.
// Frames that reported before it ran are asked to measure again. A frame it cannot address
// (no address, `about:blank`, an opaque origin) is left alone; the others are still sized.
(function () {
  var MIN = 200;
  var MAX = 6000;
  function originOf(frame) {
    try {
      var origin = new URL(frame.getAttribute('src') || '', window.location.href).origin;
      return origin && origin !== 'null' ? origin : null;
    } catch (error) {
      return null;
    }
  }
  function ask(frame) {
    var origin = originOf(frame);
    if (!origin || !frame.contentWindow) return;
    try {
      frame.contentWindow.postMessage({ type: 'pantau-pbj:measure' }, origin);
    } catch (error) {
      // This frame cannot be asked; the others still are.
    }
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
      if (event.origin !== originOf(frame)) return;
      var height = Number(data.height);
      if (!isFinite(height)) return;
      frame.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(height))) + 'px';
      return;
    }
  });
})();
