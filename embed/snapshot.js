// Snapshot first, interactive after (the `snapshot` option; docs/snapshots.md). A picture of the
// first chart, drawn by `pantau publish` or `pantau render --snapshot`, shows at once; the
// widget is laid out hidden beneath it and takes its place in one frame when its first chart is
// drawn (src/app/snapshot.rs). No markup from the network is inserted: the picture is an <img>,
// and its SVG text is only read for its title, description and the SHA-256 it records.
// The build copies this file's text into the start-up script and into embed.js.
const pantauSnapshot = (() => {
  const TEXT = {
    id: { picture: 'Gambar statis grafik Pantau PBJ', loading: 'Memuat grafik interaktif…' },
    en: { picture: 'A static picture of a Pantau PBJ chart', loading: 'Loading the interactive chart…' },
  };
  const HEX = /^[0-9a-f]{64}$/;
  /** The style properties that hide the widget's container beneath a picture. */
  const HIDING = ['position', 'top', 'left', 'right', 'visibility'];
  /** The largest snapshot read for its description, in bytes. */
  const LARGEST = 4 * 1024 * 1024;

  /** The reader's language, as the widget picks it: `lang`, else the browser's, else `id`. */
  function language(given) {
    const wanted = (given || navigator.language || 'id').trim().toLowerCase();
    return wanted.startsWith('en') ? 'en' : 'id';
  }

  /** The snapshot's pictures, if they may be shown: one address, or several drawn at different
   * widths, in the `srcset` form (`a-360.svg 360w, a-960.svg 960w`); each `http(s)`, on the
   * origin of the page or of the data (a link alone must not put a picture from anywhere on an
   * official page). */
  function address(value, src, base) {
    try {
      const allowed = [new URL(base).origin, new URL((src || '').trim(), base).origin];
      const pictures = value.split(',').slice(0, 9).map((candidate) => {
        const [address, width, more] = candidate.trim().split(/\s+/);
        const url = new URL(address, base);
        const drawn = width === undefined ? Infinity : /^[1-9][0-9]{0,4}w$/.test(width) ? parseInt(width, 10) : NaN;
        const fine = ['https:', 'http:'].includes(url.protocol) && allowed.includes(url.origin) && more === undefined && !Number.isNaN(drawn);
        return fine ? { url: url.href, drawn } : null;
      });
      return pictures.length > 8 || pictures.includes(null) ? null : pictures;
    } catch {
      return null;
    }
  }

  /** The picture for a frame `width` wide: the one drawn nearest that width (inside the
   * frame's padding; by ratio, so shown least scaled; one given without a width counts as
   * drawn wider than any screen). Chosen by the
   * layout's width, not the screen's pixel density: a picture drawn for a phone has the phone's
   * layout (larger text, fewer labels). */
  function choose(pictures, width) {
    const inside = Math.max(Math.min(width, 960) - 24, 1);
    const off = (picture) => Math.abs(Math.log(Math.min(picture.drawn, 1e6) / inside));
    return pictures.reduce((best, picture) => (off(picture) < off(best) ? picture : best)).url;
  }

  /** Reads the SVG's title and description into the picture's text alternative (unless the
   * host gave one) and the data hash it records onto the frame, for the widget to check. */
  async function describe(frame, image, url) {
    try {
      const response = await fetch(url, { credentials: 'omit' });
      if (!response.ok || !response.body || Number(response.headers.get('content-length') || 0) > LARGEST) return;
      // Read as it comes, and given up past the limit (whatever the server says of its length).
      const reader = response.body.getReader();
      const chunks = [];
      let size = 0;
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        size += part.value.length;
        if (size > LARGEST) {
          reader.cancel();
          return;
        }
        chunks.push(part.value);
      }
      const text = await new Blob(chunks).text();
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      if (svg.namespaceURI !== 'http://www.w3.org/2000/svg') return;
      const part = (name) => [...svg.children].find((child) => child.localName === name)?.textContent.trim() ?? '';
      const alt = [part('title'), part('desc')].filter(Boolean).join('. ');
      if (alt && image) image.alt = alt;
      const recorded = svg.getAttribute('data-pantau-sha256');
      if (recorded && HEX.test(recorded) && !frame.dataset.sha256) frame.dataset.sha256 = recorded;
    } catch {
      // Not readable here (another origin without CORS, not SVG): the picture still shows.
    } finally {
      // Read, refused or given up: the mark says it is over (tests and benchmarks wait for it).
      performance.mark('pantau-pbj:snapshot-described');
    }
  }

  /** Sets style properties through the CSSOM, which a strict style-src allows. */
  function set(element, properties) {
    for (const [name, value] of properties) element.style.setProperty(name, value);
  }

  /** An image of the picture at `url`, its download started. */
  function load(doc, url) {
    const image = doc.createElement('img');
    image.decoding = 'async';
    image.src = url;
    return image;
  }

  /** Shows a snapshot where `container` is, and lays `container` (the widget's) out hidden
   * beneath it. `picture` is the host's own <img> (a fallback child, shown through `slot`),
   * or null to show one of `pictures` (from `address`). Returns the frame, or null when there
   * is nothing to show. */
  function show(container, { pictures, picture, slot, lang }) {
    if (!pictures && !picture) return null;
    const doc = container.ownerDocument;
    const words = TEXT[language(lang)];
    const stage = doc.createElement('div');
    stage.className = 'pantau-stage';
    set(stage, [['position', 'relative']]);
    const frame = doc.createElement('div');
    frame.className = 'pantau-snapshot-frame';
    let image = null;
    let url = null;
    if (picture) {
      // The host's own picture stays where and as the host page laid it out.
      set(picture, [['max-width', '100%'], ['height', 'auto']]);
      frame.append(slot);
      if (picture.dataset.sha256 && HEX.test(picture.dataset.sha256)) frame.dataset.sha256 = picture.dataset.sha256;
    } else {
      const root = container.getRootNode();
      const around = root.host ? root.host.parentElement : doc.documentElement;
      url = choose(pictures, around?.clientWidth || innerWidth);
      image = load(doc, url);
      // Styled here, not by the widget's style sheet: in an element's shadow root that arrives
      // later, and would move the picture. The widget's width and padding.
      set(frame, [['display', 'block'], ['box-sizing', 'border-box'], ['max-width', '960px'], ['margin', '0 auto'], ['padding', '12px']]);
      image.className = 'pantau-snapshot';
      image.alt = words.picture;
      set(image, [['display', 'block'], ['width', '100%'], ['height', 'auto']]);
      frame.append(image);
    }
    // Said to screen readers only: the picture holds the place of the chart being loaded.
    const status = doc.createElement('span');
    status.className = 'pantau-visually-hidden';
    status.setAttribute('role', 'status');
    status.textContent = words.loading;
    set(status, [['position', 'absolute'], ['width', '1px'], ['height', '1px'], ['overflow', 'hidden'], ['clip-path', 'inset(50%)'], ['white-space', 'nowrap']]);
    frame.append(status);
    container.before(stage);
    stage.append(frame, container);
    // Laid out (so the widget measures its width) but neither seen nor heard until it replaces
    // the picture; src/app/snapshot.rs removes exactly these.
    set(container, HIDING.map((name) => [name, name === 'visibility' ? 'hidden' : name === 'position' ? 'absolute' : '0']));
    // A picture that cannot be shown (missing, not an image) gives its place back at once:
    // the widget's loading line shows, not a broken image.
    if (image) {
      image.addEventListener('error', () => {
        frame.remove();
        reveal(container);
      }, { once: true });
    }
    // Read once the picture is in (then mostly from the cache), so as not to slow it down.
    const described = url || picture.currentSrc || picture.src;
    const shown = image || picture;
    if (described && !(picture && frame.dataset.sha256)) {
      const read = () => describe(frame, image, shown.currentSrc || described);
      if (shown.complete) read();
      else shown.addEventListener('load', read, { once: true });
    }
    return frame;
  }

  /** A picture in the page's own markup (`pantau publish` writes one into the widget's page,
   * with a `<meta name="pantau-snapshot">` saying what it shows): true when it shows what the
   * widget will show first; else it is dropped before it is seen (a class on the root, then
   * removed once the page is parsed), and the widget shows where it was. */
  function baked(params, defaultSrc) {
    const meta = document.querySelector('meta[name="pantau-snapshot"]');
    if (!meta) return false;
    const drawn = new URLSearchParams(meta.content);
    const file = (value) => new URL((value || '').trim() || defaultSrc, location.href).href;
    // The picture's colours follow the reader's system (its dark drawings); a page that sets a
    // theme of its own asks for the other one when they differ.
    const system = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    const theme = params.get('theme') || 'auto';
    const same = (params.get('view') || 'spending') === drawn.get('view') && language(params.get('lang')) === drawn.get('lang')
      && file(params.get('src')) === file(drawn.get('src')) && [system, 'auto'].includes(theme);
    if (same) return true;
    document.documentElement.classList.add('pantau-snapshot-dropped');
    const drop = () => {
      document.querySelector('.pantau-stage > .pantau-snapshot-frame')?.remove();
      document.getElementById('pantau')?.classList.remove('pantau-behind');
    };
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', drop, { once: true });
    else drop();
    return false;
  }

  /** Starts the download of the picture a page as wide as the window shows, before there is a
   * place to show it. */
  const preload = (pictures) => load(document, choose(pictures, document.documentElement.clientWidth || innerWidth));

  /** Shows `container` where it stands (the widget's code failed to load: its message shows
   * below the picture, which stays). src/app/snapshot.rs reveals it the same way. */
  function reveal(container) {
    container.classList.remove('pantau-behind');
    for (const name of HIDING) container.style.removeProperty(name);
  }

  return { address, baked, preload, reveal, show };
})();
