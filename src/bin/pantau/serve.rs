//! `pantau serve DIR [--port N]`: a published folder served on loopback as a CDN or static host
//! configured as docs/publishing.md recommends would serve it: the precompressed `.br` or `.gz`
//! copy when the browser accepts it, the content types (WebAssembly as `application/wasm`), the
//! Content-Security-Policy on pages, long caching for the build's hashed files and revalidation
//! for everything else, ETags, CORS for what a host page on another origin loads.
//!
//! For previews only: one request at a time, loopback only, GET and HEAD only.

use super::cli::ServeArgs;
use super::failure::Failure;
use std::path::{Component, Path, PathBuf};

/// The policy pages are served with: the README's strict policy, and `frame-src 'self'` for the
/// transparency page's widget frame.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

/// Cache-Control of the build's hashed files (a new build has new names).
pub const CACHE_HASHED: &str = "public, max-age=31536000, immutable";
/// Cache-Control of everything else: kept, but asked again each time (data is republished
/// under the same name).
pub const CACHE_REVALIDATE: &str = "no-cache";

/// What a request is answered with.
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    fn text(status: u16, text: &str) -> Answer {
        Answer {
            status,
            headers: vec![
                ("Content-Type", "text/plain; charset=utf-8".to_owned()),
                ("X-Content-Type-Options", "nosniff".to_owned()),
            ],
            body: text.as_bytes().to_vec(),
        }
    }
}

/// The content type of a file name (its precompressed copy's is the original's).
pub fn content_type(name: &str) -> &'static str {
    let name = name.to_ascii_lowercase();
    let extension = name.rsplit_once('.').map_or("", |(_, extension)| extension);
    match extension {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "jsonl" => "application/jsonl",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        "gz" => "application/gzip",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ if name == "sha256sums" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a build hash (`pantau-pbj-0123456789abcdef_bg.wasm`): sixteen
/// hex digits after a `-`, which Trunk puts in the names of the files it builds.
pub fn is_hashed(name: &str) -> bool {
    name.split(['-', '_', '.']).any(|part| {
        part.len() == 16
            && part.bytes().all(|byte| byte.is_ascii_hexdigit())
            && part.bytes().any(|byte| byte.is_ascii_digit())
    })
}

/// The encodings a request's `Accept-Encoding` allows, best first: `br`, then `gzip`.
fn accepted(accept_encoding: &str) -> Vec<&'static str> {
    let allows = |wanted: &str| {
        accept_encoding.split(',').any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|parameter| {
                let parameter = parameter.trim().replace(' ', "");
                parameter == "q=0" || parameter == "q=0.0" || parameter == "q=0.00"
            });
            name.eq_ignore_ascii_case(wanted) && !refused
        })
    };
    ["br", "gzip"]
        .into_iter()
        .filter(|encoding| allows(encoding))
        .collect()
}

/// `%XX` sequences decoded; `None` for a broken one or a result that is not UTF-8.
fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            decoded.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// The file under `root` a request path names, refusing anything that leaves the folder.
fn resolve(root: &Path, path: &str) -> Result<PathBuf, Answer> {
    let bad = || Answer::text(400, "400 bad request\n");
    let decoded = percent_decoded(path).ok_or_else(bad)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Err(bad());
    }
    let relative = Path::new(decoded.trim_start_matches('/'));
    let mut file = root.to_path_buf();
    for component in relative.components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return Err(bad()),
        }
    }
    Ok(file)
}

/// Answers one request for a file under `root` (canonical), given its method, its path (with
/// any query) and its `Accept-Encoding` and `If-None-Match` headers.
pub fn answer(
    root: &Path,
    method: &str,
    url: &str,
    accept_encoding: &str,
    if_none_match: Option<&str>,
) -> Answer {
    if method != "GET" && method != "HEAD" {
        let mut refused = Answer::text(405, "405 method not allowed\n");
        refused.headers.push(("Allow", "GET, HEAD".to_owned()));
        return refused;
    }
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = match resolve(root, path) {
        Ok(file) => file,
        Err(answer) => return answer,
    };
    if file.is_dir() {
        // A folder's address without its slash: relative links in its page need the slash.
        if !path.ends_with('/') {
            let mut moved = Answer::text(301, "301 moved\n");
            let query = &url[path.len()..];
            moved.headers.push(("Location", format!("{path}/{query}")));
            return moved;
        }
        file.push("index.html");
    }
    // Within the folder after links are followed, and a file.
    let inside = file
        .canonicalize()
        .ok()
        .filter(|real| real.starts_with(root) && real.is_file());
    let Some(file) = inside else {
        return Answer::text(404, "404 not found\n");
    };
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kind = content_type(&name);
    let compressible = super::publish::compressible(&file);
    // The precompressed copy the browser accepts, if the folder has one.
    let chosen = compressible
        .then(|| {
            accepted(accept_encoding).into_iter().find_map(|encoding| {
                let extension = if encoding == "br" { "br" } else { "gz" };
                let mut copy = file.clone().into_os_string();
                copy.push(".");
                copy.push(extension);
                let copy = PathBuf::from(copy);
                copy.is_file().then_some((encoding, copy))
            })
        })
        .flatten();
    let (encoding, served) = match &chosen {
        Some((encoding, copy)) => (Some(*encoding), copy.as_path()),
        None => (None, file.as_path()),
    };
    let Ok(meta) = std::fs::metadata(served) else {
        return Answer::text(404, "404 not found\n");
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |elapsed| elapsed.as_nanos());
    let etag = format!(
        "\"{:x}-{modified:x}{}\"",
        meta.len(),
        encoding.map_or(String::new(), |encoding| format!("-{encoding}"))
    );
    let mut headers = vec![
        ("Content-Type", kind.to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("ETag", etag.clone()),
        (
            "Cache-Control",
            match is_hashed(&name) {
                true => CACHE_HASHED,
                false => CACHE_REVALIDATE,
            }
            .to_owned(),
        ),
    ];
    if compressible {
        headers.push(("Vary", "Accept-Encoding".to_owned()));
    }
    if let Some(encoding) = encoding {
        headers.push(("Content-Encoding", encoding.to_owned()));
    }
    if kind.starts_with("text/html") {
        headers.push((
            "Content-Security-Policy",
            CONTENT_SECURITY_POLICY.to_owned(),
        ));
        headers.push((
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_owned(),
        ));
    } else {
        // The script embed loads the widget's files and the data from a host page elsewhere.
        headers.push(("Access-Control-Allow-Origin", "*".to_owned()));
    }
    let matches = if_none_match.is_some_and(|tags| {
        tags.split(',')
            .any(|tag| tag.trim() == etag || tag.trim() == "*")
    });
    if matches {
        return Answer {
            status: 304,
            headers,
            body: Vec::new(),
        };
    }
    let body = match method {
        "HEAD" => Vec::new(),
        _ => match std::fs::read(served) {
            Ok(body) => body,
            Err(_) => return Answer::text(404, "404 not found\n"),
        },
    };
    if method == "HEAD" {
        headers.push(("Content-Length", meta.len().to_string()));
    }
    Answer {
        status: 200,
        headers,
        body,
    }
}

pub fn run(arguments: &ServeArgs) -> Result<(), Failure> {
    let root = arguments
        .dir
        .canonicalize()
        .ok()
        .filter(|root| root.is_dir())
        .ok_or_else(|| {
            Failure::unusable(format!("{}: not a folder", arguments.dir.display()))
                .hint("give the folder `pantau publish -o DIR` wrote")
        })?;
    let server = tiny_http::Server::http(("127.0.0.1", arguments.port)).map_err(|error| {
        Failure::unusable(format!(
            "cannot listen on 127.0.0.1:{}: {error}",
            arguments.port
        ))
        .hint("choose another --port (0 takes any free one)")
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(arguments.port, |address| address.port());
    println!(
        "Serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        root.display()
    );
    // The address goes to a script or test reading the first line as soon as it is there.
    use std::io::Write;
    let _ = std::io::stdout().flush();
    for request in server.incoming_requests() {
        let header = |name: &str| {
            request
                .headers()
                .iter()
                .find(|header| header.field.as_str().as_str().eq_ignore_ascii_case(name))
                .map(|header| header.value.as_str().to_owned())
        };
        let accept_encoding = header("Accept-Encoding").unwrap_or_default();
        let if_none_match = header("If-None-Match");
        let method = request.method().as_str().to_owned();
        let answered = answer(
            &root,
            &method,
            request.url(),
            &accept_encoding,
            if_none_match.as_deref(),
        );
        let length = answered.body.len();
        // With its length, as a static host sends a file, never in chunks.
        let mut response = tiny_http::Response::new(
            tiny_http::StatusCode(answered.status),
            Vec::new(),
            std::io::Cursor::new(answered.body),
            (method != "HEAD").then_some(length),
            None,
        )
        .with_chunked_threshold(usize::MAX);
        for (name, value) in answered.headers {
            if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        // A browser that went away is no reason to stop serving.
        let _ = request.respond(response);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_trunks() {
        assert!(is_hashed("pantau-pbj-3f2a9c1d8e7b6a50_bg.wasm"));
        assert!(is_hashed("pantau-pbj-3f2a9c1d8e7b6a50.js"));
        assert!(!is_hashed("embed.js"));
        assert!(!is_hashed("kaltim-2024.json"));
        assert!(!is_hashed("index.html"));
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        assert_eq!(accepted("gzip, deflate, br, zstd"), ["br", "gzip"]);
        assert_eq!(accepted("gzip"), ["gzip"]);
        assert_eq!(accepted("br;q=0, gzip;q=0.8"), ["gzip"]);
        assert!(accepted("").is_empty());
        assert!(accepted("identity").is_empty());
    }

    #[test]
    fn paths_never_leave_the_folder() {
        let root = Path::new("/srv/site");
        assert_eq!(
            resolve(root, "/data/a%20b.json"),
            Ok(PathBuf::from("/srv/site/data/a b.json"))
        );
        for hostile in [
            "/../etc/passwd",
            "/%2e%2e/etc",
            "/a/..%2f..%2fb",
            "/%00",
            "/a\\b",
            "x",
            "/%zz",
        ] {
            assert_eq!(
                resolve(root, hostile).map_err(|answer| answer.status),
                Err(400),
                "{hostile}"
            );
        }
    }
}
