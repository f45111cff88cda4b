// Pantau PBJ script embed: <script type="module" src=".../embed.js"></script> on a host page,
// then any number of <pantau-pbj src=… view=… lang=… theme=…></pantau-pbj> elements. Each
// element mounts its own widget in its own shadow root (styles isolated both ways), with its own
// state; removing the element unmounts the widget and aborts its fetch. The build replaces the
// three __PANTAU_…__ names below with the hashed files beside this one.
const base = new URL('.', import.meta.url);
const files = {
  js: new URL('__PANTAU_JS__', base).href,
  wasm: new URL('__PANTAU_WASM__', base).href,
  css: new URL('__PANTAU_CSS__', base).href,
};

/** The same options as the iframe page's address parameters (README). */
const OPTIONS = ['src', 'view', 'lang', 'theme', 'year', 'unit', 'region', 'government', 'method', 'type', 'stage', 'measure', 'compare', 'format',
  'timeout', 'maxmb', 'sha256', 'manifest', 'credentials', 'plain', 'static', 'transparent', 'snapshot'];

/* __PANTAU_SNAPSHOT__ */

let ready = null;
function load() {
  ready ??= import(files.js).then(async (bindings) => {
    await bindings.default({ module_or_path: files.wasm });
    return bindings;
  });
  return ready;
}

const FAILED = 'Pantau PBJ tidak dapat dimuat. / Pantau PBJ could not be loaded.';

/** Starts downloading an element's data while the code loads: a preload hint in the host's
 * head (once per address), in the mode and credentials of the widget's own request, which the
 * browser then answers from it. */
const preloaded = new Set();
function preload(src) {
  try {
    const url = new URL(src.trim(), document.baseURI);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || preloaded.has(url.href)) return;
    // Data on the host's own origin is requested without cookies (src/app/fetch.rs), which no
    // preload can match: it is left to the widget.
    if (url.origin === location.origin) return;
    preloaded.add(url.href);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = url.href;
    document.head.append(link);
  } catch {
    // Not an address: the widget will say so.
  }
}

class PantauPbj extends HTMLElement {
  static get observedAttributes() { return OPTIONS; }

  #mounted = null;
  #generation = 0;
  /** A snapshot shows only before the widget's first start, not when its attributes change. */
  #started = false;

  connectedCallback() { this.#mount(); }

  disconnectedCallback() { this.#unmount(); }

  attributeChangedCallback() {
    if (this.isConnected && this.#mounted) {
      this.#unmount();
      this.#mount();
    }
  }

  #unmount() {
    this.#generation += 1;
    if (this.#mounted) {
      this.#mounted.unmount();
      this.#mounted.free();
      this.#mounted = null;
    }
  }

  async #mount() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = files.css;
    const container = document.createElement('div');
    container.className = 'pantau';
    const loading = document.createElement('p');
    loading.className = 'pantau-loading';
    loading.setAttribute('role', 'status');
    loading.textContent = 'Memuat data… / Loading data…';
    container.append(loading);
    root.replaceChildren(style, container);
    const src = this.getAttribute('src');
    if (!this.#started) {
      // Snapshot first: the `snapshot` attribute, or the element's own <img> (its fallback
      // child, which shows even where this script never runs), in the widget's place.
      const asked = this.getAttribute('snapshot');
      const pictures = asked && pantauSnapshot.address(asked, src || '', document.baseURI);
      const picture = pictures ? null : this.querySelector(':scope > img, :scope > picture > img');
      pantauSnapshot.show(container, { pictures, picture, slot: document.createElement('slot'), lang: this.getAttribute('lang') });
    }
    this.#started = true;
    if (src && src.trim()) preload(src);
    try {
      const bindings = await load();
      if (generation !== this.#generation || !this.isConnected) return;
      const query = new URLSearchParams();
      for (const name of OPTIONS) {
        const value = this.getAttribute(name);
        if (value !== null) query.set(name, value);
      }
      // The widget's own page, for the share panel's links.
      query.set('page', new URL('./', base).href);
      container.replaceChildren();
      this.#mounted = bindings.mountElement(container, query.toString());
    } catch (error) {
      container.textContent = FAILED;
      container.setAttribute('role', 'alert');
      pantauSnapshot.reveal(container);
      throw error;
    }
  }
}

if (!customElements.get('pantau-pbj')) customElements.define('pantau-pbj', PantauPbj);
