#!/usr/bin/env python3
"""Trunk post-build hook: makes the built page run under a strict Content-Security-Policy
(`script-src 'self'`, no inline script) by moving Trunk's inline start-up script into a file of
its own, named by a hash of its content, and loading it with an `async` classic script in the
head (it runs as soon as it arrives: a module script would wait for the page, and the data
request and the code's start came 8-13 ms later in the benchmark's alternating runs; `async`,
so that the page is parsed and painted meanwhile).

Runs in Trunk's staging folder (TRUNK_STAGING_DIR), before the build is moved to dist/."""
import hashlib
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
page = staging / "index.html"
html = page.read_text(encoding="utf-8")
inline = re.compile(r"<script type=\"module\">(.*?)</script>", re.S)
match = inline.search(html)
if match is None:
    sys.exit("trunk-post-build: no inline start-up script found in index.html")
original = match.group(1).strip()
# The static import becomes a dynamic one inside try, so that a module or WebAssembly file
# that fails to load (or is refused) ends in a message instead of an endless loading line.
static_import = re.compile(r"import init, \* as bindings from '([^']+)';")
found = static_import.search(original)
if found is None:
    sys.exit("trunk-post-build: the start-up script has an unexpected shape")
# A plain script in the head runs while the page is still being parsed: the code (whose start
# mounts the widget on `#pantau`) starts once the document is parsed, which is almost always long
# before the code has arrived.
script = static_import.sub(
    lambda m: f"const bindings = await import('{m.group(1)}');\n"
    "if (document.readyState === 'loading') {\n"
    "  await new Promise((resolve) => addEventListener('DOMContentLoaded', resolve, { once: true }));\n"
    "}\n"
    "const init = bindings.default;",
    original,
)
# The data request goes out while the code loads: the start-up script sends it (to the address
# the widget will ask for: its `src` parameter, else the default from src/options.rs; in the
# same mode and credentials as the widget's own request) and leaves it where the widget takes it
# (`STARTED` in src/options.rs), which then reads and checks that response as its first attempt.
# The widget mostly finds it answered and goes on in the same task, with no frame in between.
# The widget's default data address and the global the start-up request is left in: the same
# as DEFAULT_SRC and STARTED in src/options.rs, which tests/options.rs checks (this hook reads no
# Rust source).
DEFAULT_SRC = "data/kaltim-2024.json"
STARTED = "__pantauStarted"
preload = (
    "try {\n"
    "  const page = new URL(location.href);\n"
    f"  const src = new URL((page.searchParams.get('src') || '').trim() || '{DEFAULT_SRC}', page);\n"
    "  if (src.protocol === 'https:' || src.protocol === 'http:') {\n"
    "    const controller = new AbortController();\n"
    # Cookies go only to the page's own origin and only when it asks (`credentials`), as in
    # src/app/fetch.rs (credentials_for).
    "    const asked = page.searchParams.has('credentials') && !/^(false|0|no)$/i.test(page.searchParams.get('credentials').trim());\n"
    "    const credentials = src.origin === page.origin && !asked ? 'omit' : 'same-origin';\n"
    "    const response = fetch(src.href, { signal: controller.signal, credentials });\n"
    "    response.catch(() => {});\n"
    f"    window.{STARTED} = {{ url: src.href, response, controller }};\n"
    "  }\n"
    "} catch (_) {}\n"
)

# Snapshot first (the `snapshot` option): the picture is requested now, while the code loads,
# and shown as soon as the page is parsed, the widget laid out hidden beneath it. The shared
# code is embed/snapshot.js (also copied into embed.js below).
def without_comments(js):
    """`js` without its comment lines (`//` lines and `/* … */` blocks that start a line), which
    readers of the source need and the browser does not. A comment after code stays."""
    kept, in_block = [], False
    for line in js.splitlines():
        stripped = line.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("//") or not stripped:
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"


SNAPSHOT_JS = without_comments(
    (Path(__file__).resolve().parent.parent / "embed" / "snapshot.js").read_text(encoding="utf-8")
)
snapshot = SNAPSHOT_JS + (
    "try {\n"
    "  const page = new URL(location.href);\n"
    f"  const asked = !pantauSnapshot.baked(page.searchParams, '{DEFAULT_SRC}') && page.searchParams.get('snapshot');\n"
    f"  const pictures = asked && pantauSnapshot.address(asked, (page.searchParams.get('src') || '').trim() || '{DEFAULT_SRC}', page.href);\n"
    "  if (pictures) {\n"
    "    pantauSnapshot.preload(pictures);\n"
    "    const show = () => {\n"
    "      const host = document.getElementById('pantau');\n"
    "      if (host) pantauSnapshot.show(host, { pictures, lang: page.searchParams.get('lang') });\n"
    "    };\n"
    "    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', show, { once: true });\n"
    "    else show();\n"
    "  }\n"
    "} catch (_) {}\n"
)

# A classic script has no top-level await: the start-up runs in an async function.
body = preload + snapshot + (
    "(async () => {\ntry {\n" + script + "\n} catch (error) {\n"
    "  const host = document.getElementById('pantau');\n"
    "  if (host) {\n"
    "    host.textContent = 'Pantau PBJ tidak dapat dimuat. / Pantau PBJ could not be loaded.';\n"
    "    host.setAttribute('role', 'alert');\n"
    "    host.classList.add('pantau-failed');\n"
    "    pantauSnapshot.reveal(host);\n"
    "  }\n"
    "  throw error;\n"
    "}\n"
    "})();\n"
)
# Paths in the start-up script are relative to the page; from a file beside it they stay right.
name = f"pantau-boot-{hashlib.sha256(body.encode()).hexdigest()[:16]}.js"
(staging / name).write_text(body, encoding="utf-8")
# `async`: it runs as soon as it arrives, as a plain script in the head would, but the page is
# parsed and painted meanwhile (a snapshot in the page's markup shows without waiting for it).
html = html[: match.start()] + f'<script async src="./{name}"></script>' + html[match.end():]
if inline.search(html) or re.search(r"<style[\s>]|\sstyle=\"", html):
    sys.exit("trunk-post-build: inline script or style left in index.html")
page.write_text(html, encoding="utf-8")
print(f"trunk-post-build: start-up script moved to {name}")

# The script embed (embed.js, a stable name at the root of the build) learns the hashed names.
embed = staging / "embed.js"
if embed.exists():
    names = {
        "__PANTAU_JS__": re.search(r'href="\./(pantau-pbj-[0-9a-f]+\.js)"', html),
        "__PANTAU_WASM__": re.search(r'href="\./(pantau-pbj-[0-9a-f]+_bg\.wasm)"', html),
        "__PANTAU_CSS__": re.search(r'href="\./(pantau-[0-9a-f]+\.css)"', html),
    }
    text = embed.read_text(encoding="utf-8")
    if "/* __PANTAU_SNAPSHOT__ */" not in text:
        sys.exit("trunk-post-build: embed.js has no place for the snapshot code")
    text = text.replace("/* __PANTAU_SNAPSHOT__ */", SNAPSHOT_JS)
    for placeholder, found in names.items():
        if found is None:
            sys.exit(f"trunk-post-build: no file for {placeholder} in index.html")
        text = text.replace(placeholder, found.group(1))
    embed.write_text(text, encoding="utf-8")
    print("trunk-post-build: embed.js points at", ", ".join(found.group(1) for found in names.values()))

# The reading worker (`data-type="worker"`: Trunk leaves its files unhashed, since the widget
# must know the loader's name): its code and wasm get hashed names, and only the tiny loader,
# which the widget starts, keeps a stable one and points at them.
loader = staging / "pantau-ingest_loader.js"
if loader.exists():
    renamed = {}
    for name in ["pantau-ingest_bg.wasm", "pantau-ingest.js"]:
        path = staging / name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        stem, suffix = name.split(".", 1)
        hashed = f"{stem.replace('_bg', '')}-{digest}{'_bg' if '_bg' in stem else ''}.{suffix}"
        path.rename(staging / hashed)
        renamed[name] = hashed
    text = loader.read_text(encoding="utf-8")
    for name in renamed:
        if f'"./{name}"' not in text:
            sys.exit(f"trunk-post-build: the worker loader does not name {name}")
    # wasm-bindgen's current form of the call (one object), not the deprecated bare path. A
    # worker started from a `blob:` script (the script embed on another origin: src/app/worker.rs)
    # names the folder of the widget's files in `__pantauBase`; otherwise they sit beside this.
    text = (
        'var base = self.__pantauBase || "./";'
        f'importScripts(base + "{renamed["pantau-ingest.js"]}");'
        # A module that cannot load (refused by CORS, say) rejects a promise, which a page
        # never hears of: thrown again as an error, it ends the reading and the widget reads
        # the file itself instead of waiting for ever.
        f'wasm_bindgen({{ module_or_path: base + "{renamed["pantau-ingest_bg.wasm"]}" }})'
        '.catch(function (error) { setTimeout(function () { throw error; }); });'
    )
    loader.write_text(text, encoding="utf-8")
    print("trunk-post-build: worker loader points at", ", ".join(renamed.values()))
