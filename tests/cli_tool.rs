//! The publisher's tool as a command-line citizen (#29): help and version, `--opt=value` and `--`,
//! `-` for standard input and output, paths that are not UTF-8, suggestions, one-line runtime
//! errors, the documented exit codes, `check --format json` against its schema, the progress bar
//! on a terminal only, `serve` with a CDN's headers, completions and the man page, and the CI
//! recipe of docs/publishing run as a publisher would run it.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PANTAU: &str = env!("CARGO_BIN_EXE_pantau");

fn scratch(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tool")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

fn repository(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs `pantau` with `arguments` in `folder`, `input` on its standard input.
fn run_in(folder: &Path, arguments: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(PANTAU)
        .args(arguments)
        .current_dir(folder)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pantau runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let feeding = std::thread::spawn(move || {
        // A command that does not read its input closes the pipe: not an error here.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("pantau ends");
    feeding.join().expect("fed");
    output
}

fn run(arguments: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), arguments, b"")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code, not a signal")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// The stand-in for the widget's release build that `publish` copies (the browser tests publish
/// the real one).
fn widget_build(folder: &Path) -> PathBuf {
    let widget = folder.join("dist");
    std::fs::create_dir_all(&widget).expect("a folder");
    std::fs::write(
        widget.join("index.html"),
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><link rel=\"preload\" href=\"./pantau-pbj-0123456789abcdef_bg.wasm\"></head><body><main id=\"pantau\" class=\"pantau\"><noscript>the sample</noscript></main><script type=\"module\" src=\"./boot-0123456789abcdef.js\"></script></body></html>",
    )
    .expect("written");
    std::fs::write(widget.join("embed.js"), "// embed\n".repeat(200)).expect("written");
    std::fs::write(
        widget.join("pantau-pbj-0123456789abcdef_bg.wasm"),
        b"\0asm\x01\0\0\0".repeat(300),
    )
    .expect("written");
    widget
}

#[test]
fn help_and_version_on_the_tool_and_every_command() {
    for arguments in [&["--help"][..], &["-h"], &["help"]] {
        let output = run(arguments);
        assert_eq!(code(&output), 0, "{arguments:?}");
        let help = text(&output.stdout);
        for needed in ["Usage: pantau <COMMAND>", "Examples:", "Exit codes:", "64"] {
            assert!(
                help.contains(needed),
                "{arguments:?} lacks {needed}: {help}"
            );
        }
    }
    for command in [
        "check",
        "convert",
        "render",
        "publish",
        "serve",
        "completions",
        "man",
    ] {
        for flag in ["--help", "-h"] {
            let output = run(&[command, flag]);
            assert_eq!(code(&output), 0, "{command} {flag}");
            let help = text(&output.stdout);
            assert!(
                help.contains(&format!("Usage: pantau {command}")) && help.contains("Examples:"),
                "{command} {flag}: {help}"
            );
        }
    }
    // `render --help` no longer asks for a value, `check -h` reads no file named `-h`.
    let output = run(&["--version"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        text(&output.stdout).trim(),
        format!("pantau {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(code(&run(&["check", "--version"])), 0);
}

#[test]
fn usage_errors_exit_64_with_a_suggestion_and_runtime_errors_print_one_line() {
    let cases: [(&[&str], &str); 5] = [
        (&["chek", "a.json"], "'check'"),
        (&["check", "--lnag", "en", "a.json"], "'--lang'"),
        (
            &["render", "a.json", "--view", "spendng", "-o", "x.svg"],
            "spending",
        ),
        (&["check"], "<FILE>"),
        (&[], "Usage: pantau <COMMAND>"),
    ];
    for (arguments, said) in cases {
        let output = run(arguments);
        assert_eq!(code(&output), 64, "{arguments:?}");
        let error = text(&output.stderr);
        assert!(error.contains(said), "{arguments:?}: {error}");
    }
    // Standard input can be read once.
    let output = run(&["check", "-", "-"]);
    assert_eq!(code(&output), 64);
    // A runtime error: one line, saying what, which file and what to do; never the usage.
    let folder = scratch("errors");
    let missing = folder.join("missing.json");
    let output = run(&[
        "render",
        missing.to_str().expect("path"),
        "-o",
        folder.join("x.svg").to_str().expect("path"),
    ]);
    assert_eq!(code(&output), 2);
    let error = text(&output.stderr);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(
        error.starts_with("pantau: error: cannot read ")
            && error.contains("missing.json")
            && error.contains("; check the path"),
        "{error}"
    );
    assert!(!error.contains("Usage"), "{error}");
    // A file the widget refuses: the widget's reason, and what to do.
    let html = folder.join("page.html");
    std::fs::write(&html, "<!doctype html><title>login</title>").expect("written");
    let output = run(&[
        "convert",
        html.to_str().expect("path"),
        "-o",
        folder.join("out.json").to_str().expect("path"),
    ]);
    assert_eq!(code(&output), 2);
    let error = text(&output.stderr);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(
        error.contains("page.html") && error.contains("pantau check"),
        "{error}"
    );
}

#[test]
fn options_with_equals_double_dash_and_standard_input_and_output() {
    let folder = scratch("streams");
    let sample = std::fs::read(repository("data/contoh-paket.json")).expect("sample");
    // `--opt=value`, and `-` for standard input.
    let output = run_in(&folder, &["check", "--lang=en", "-"], &sample);
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("-: «"),
        "{}",
        text(&output.stdout)
    );
    assert!(text(&output.stdout).contains("210 packages"));
    // `--` ends the options: a file named `-h` is read, not taken for help.
    std::fs::write(folder.join("-h"), &sample).expect("written");
    let output = run_in(&folder, &["check", "--", "-h"], b"");
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("-h: «"));
    // convert from standard input to standard output, then render that from standard input to
    // standard output: a pipeline.
    let csv = "kd_rup,nama_paket,pagu,metode_pengadaan,jenis_pengadaan,nama_satker,tahun_anggaran\n1,A,1000000,Tender,Barang,Dinas X,2024\n2,B,2500000,E-Purchasing,Barang,Dinas Y,2024\n";
    let converted = run_in(
        &folder,
        &["convert", "--quiet", "-", "-o", "-"],
        csv.as_bytes(),
    );
    assert_eq!(code(&converted), 0, "{}", text(&converted.stderr));
    assert!(
        converted.stderr.is_empty(),
        "--quiet: {}",
        text(&converted.stderr)
    );
    let statistics: serde_json::Value =
        serde_json::from_slice(&converted.stdout).expect("JSON on standard output");
    assert_eq!(statistics["format"], "pantau-pbj");
    assert_eq!(
        statistics["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|group| group["rencana"].as_i64().expect("pagu"))
            .sum::<i64>(),
        3_500_000
    );
    let drawn = run_in(
        &folder,
        &["render", "-", "--width=640", "-o", "-"],
        &converted.stdout,
    );
    assert_eq!(code(&drawn), 0, "{}", text(&drawn.stderr));
    assert!(drawn.stdout.starts_with(b"<svg"), "{}", text(&drawn.stdout));
    // Written to a file with `--out=`.
    let output = run_in(
        &folder,
        &["render", "-", "--width", "640", "--out=chart.svg"],
        &converted.stdout,
    );
    assert_eq!(code(&output), 0);
    assert!(
        text(&std::fs::read(folder.join("chart.svg")).expect("written")) == text(&drawn.stdout),
        "the same drawing in a file as on standard output"
    );
    // `--panel all` writes a folder, which standard output is not.
    let output = run_in(
        &folder,
        &["render", "-", "--panel", "all", "-o", "-"],
        &converted.stdout,
    );
    assert_eq!(code(&output), 64);
    // publish from standard input needs a name for the data file.
    let widget = widget_build(&folder);
    let widget = widget.to_str().expect("path");
    let output = run_in(
        &folder,
        &["publish", "-", "--widget", widget, "-o", "site"],
        &sample,
    );
    assert_eq!(code(&output), 64, "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("--name"));
    let output = run_in(
        &folder,
        &[
            "publish",
            "-",
            "--name=pbj.json",
            "--quiet",
            "--widget",
            widget,
            "-o",
            "site",
        ],
        &sample,
    );
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    assert!(
        output.stderr.is_empty(),
        "--quiet: {}",
        text(&output.stderr)
    );
    assert_eq!(
        std::fs::read(folder.join("site/data/pbj.json")).expect("published"),
        sample
    );
}

#[cfg(unix)]
#[test]
fn paths_that_are_not_utf8_are_read_and_named_without_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let folder = scratch("not-utf8");
    let name = std::ffi::OsStr::from_bytes(b"paket-\xff\xfe.json");
    let path = folder.join(name);
    std::fs::copy(repository("data/contoh-paket.json"), &path).expect("copied");
    let output = Command::new(PANTAU)
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("paket-\u{fffd}\u{fffd}.json"));
    // Written to a path that is not UTF-8, and a missing one read: no panic, a clear line.
    let out = folder.join(std::ffi::OsStr::from_bytes(b"grafik-\xff.svg"));
    let output = Command::new(PANTAU)
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    assert!(std::fs::read(&out).expect("written").starts_with(b"<svg"));
    let missing = folder.join(std::ffi::OsStr::from_bytes(b"hilang-\xff.json"));
    let output = Command::new(PANTAU)
        .arg("check")
        .arg("--format")
        .arg("json")
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(code(&output), 2);
    assert!(!text(&output.stderr).contains("panicked"));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["files"][0]["error"]["code"], "unreadable");
}

/// Validates `document` against docs/check.schema.json.
fn conforms(document: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repository("docs/check.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{document:#}");
}

#[test]
fn check_as_json_follows_its_schema_with_codes_rows_and_values() {
    let folder = scratch("json");
    let bad = folder.join("paket.csv");
    std::fs::write(
        &bad,
        "kd_rup,nama_paket,pagu,metode_pengadaan,jenis_pengadaan,nama_satker\n1,A,1000,Tender,Barang,Dinas X\n2,B,-5,Tenderr,Barang,Dinas Y\n3,C,abc,Tender,Barang,Dinas Y\n",
    )
    .expect("written");
    let html = folder.join("login.html");
    std::fs::write(&html, "<!doctype html><title>login</title>").expect("written");
    let clean = repository("data/contoh-paket.json");
    for lang in ["id", "en"] {
        let output = run(&[
            "check",
            "--format",
            "json",
            "--lang",
            lang,
            clean.to_str().expect("path"),
            bad.to_str().expect("path"),
            html.to_str().expect("path"),
            folder.join("missing.csv").to_str().expect("path"),
        ]);
        assert_eq!(code(&output), 2);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        conforms(&report);
        assert_eq!(report["lang"], lang);
        assert_eq!(report["exit_code"], 2);
        let files = report["files"].as_array().expect("files");
        let statuses: Vec<&str> = files
            .iter()
            .map(|file| file["status"].as_str().expect("status"))
            .collect();
        assert_eq!(statuses, ["clean", "issues", "unusable", "unusable"]);
        assert_eq!(files[0]["packages"], 210);
        let issues = files[1]["issues"].as_array().expect("issues");
        let listed: Vec<(&str, i64, &str, serde_json::Value)> = issues
            .iter()
            .map(|issue| {
                (
                    issue["code"].as_str().expect("code"),
                    issue["line"].as_i64().expect("line"),
                    issue["column"].as_str().expect("column"),
                    issue["value"].clone(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                ("unrecognised", 3, "metode_pengadaan", "Tenderr".into()),
                ("negative", 3, "pagu", serde_json::Value::Null),
                ("wrong-type", 4, "pagu", serde_json::Value::Null),
            ]
        );
        assert_eq!(issues[2]["expected"], "whole-number");
        assert_eq!(issues[0]["kept"], true);
        assert_eq!(files[1]["issue_count"], 3);
        assert_eq!(files[2]["error"]["code"], "not-a-file");
        assert_eq!(files[3]["error"]["code"], "unreadable");
        // The message is the widget's own sentence, in the language asked for.
        let message = issues[1]["message"].as_str().expect("message");
        match lang {
            "id" => assert!(message.contains("baris 3"), "{message}"),
            _ => assert!(message.contains("line 3"), "{message}"),
        }
    }
    // A file of more than a hundred issues lists a hundred and counts all, still valid.
    let mut many = String::from("kd_rup,nama_paket,pagu,nama_satker\n1,A,1000,X\n");
    for row in 0..250 {
        many.push_str(&format!("{row},B,-{row},X\n"));
    }
    let many_path = folder.join("many.csv");
    std::fs::write(&many_path, many).expect("written");
    let output = run(&["check", "--format=json", many_path.to_str().expect("path")]);
    assert_eq!(code(&output), 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    conforms(&report);
    assert_eq!(report["files"][0]["issue_count"], 250);
    assert_eq!(
        report["files"][0]["issues"]
            .as_array()
            .expect("issues")
            .len(),
        100
    );
}

/// A CSV export big enough for the bar to be drawn while it is read.
fn big_export(rows: usize) -> String {
    let mut csv = String::from(
        "kd_rup,nama_paket,nama_satker,metode_pengadaan,jenis_pengadaan,tahun_anggaran,pagu\n",
    );
    for row in 0..rows {
        csv.push_str(&format!(
            "{row},Paket pengadaan nomor {row} untuk kegiatan rutin,Dinas {},Tender,Barang,2024,{}\n",
            row % 40,
            1_000_000 + row * 17
        ));
    }
    csv
}

/// Runs `command` under a pseudo-terminal (util-linux `script`), as a person at a terminal
/// would: what the terminal showed.
fn on_a_terminal(folder: &Path, command: &str) -> String {
    let output = Command::new("script")
        .args(["--quiet", "--return", "--command", command, "/dev/null"])
        .current_dir(folder)
        .stdin(Stdio::null())
        .output()
        .expect("util-linux `script` runs (Debian's bsdutils, an essential package)");
    assert!(output.status.success(), "{}", text(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_progress_bar_shows_on_a_terminal_only_and_quiet_silences_it() {
    let folder = scratch("progress");
    std::fs::write(folder.join("big.csv"), big_export(400_000)).expect("written");
    // Not a terminal (a pipe): no bar, only the closing summary line.
    let output = run_in(&folder, &["convert", "big.csv", "-o", "out.json"], b"");
    assert_eq!(code(&output), 0);
    let said = text(&output.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.starts_with("pantau convert: 400000 packages") && !said.contains('\r'));
    // A terminal: the bar, with bytes, records and rate.
    let shown = on_a_terminal(&folder, &format!("{PANTAU} convert big.csv -o out.json"));
    assert!(shown.contains("convert ["), "{shown}");
    assert!(
        shown.contains(" MiB/s") || shown.contains(" KiB/s"),
        "{shown}"
    );
    assert!(shown.contains(" records"), "{shown}");
    assert!(shown.contains("pantau convert: 400000 packages"), "{shown}");
    // --quiet: nothing at all.
    let shown = on_a_terminal(
        &folder,
        &format!("{PANTAU} convert --quiet big.csv -o out.json"),
    );
    assert!(shown.trim().is_empty(), "{shown}");
    // publish: a bar of the files written on a terminal; on a pipe only its closing line.
    let widget = widget_build(&folder);
    let sample = repository("data/contoh-paket.json");
    let command = format!(
        "{PANTAU} publish {} --widget {} -o site",
        sample.display(),
        widget.display()
    );
    let shown = on_a_terminal(&folder, &command);
    assert!(shown.contains("publish ["), "{shown}");
    assert!(shown.contains("pantau publish: site"), "{shown}");
    let piped = Command::new("sh")
        .args(["-c", &command])
        .current_dir(&folder)
        .output()
        .expect("runs");
    assert!(piped.status.success());
    let said = text(&piped.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.starts_with("pantau publish: site") && !said.contains('\r'),
        "{said}"
    );
}

/// One HTTP/1.1 request on loopback: the status, the headers (names in lower case) and the body.
fn request(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = std::net::TcpStream::connect(address).expect("connects");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .expect("timeout");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("sent");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("answered");
    let split = answer
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    (status, headers, answer[split + 4..].to_vec())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(known, _)| known == name)
        .map(|(_, value)| value.as_str())
}

/// Stops the server when the test ends, whatever happens.
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_previews_a_published_folder_as_a_cdn_serves_it() {
    let folder = scratch("serve");
    let widget = widget_build(&folder);
    let site = folder.join("site");
    let output = run(&[
        "publish",
        repository("data/contoh-paket.json").to_str().expect("path"),
        "--widget",
        widget.to_str().expect("path"),
        "-o",
        site.to_str().expect("path"),
    ]);
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
    // Precompressed copies beside the text files (where smaller: not beside a one-line
    // SHA256SUMS), none beside the pictures.
    assert!(!site.join("SHA256SUMS.gz").exists());
    for file in [
        "index.html",
        "page.css",
        "data/contoh-paket.json",
        "widget/embed.js",
    ] {
        for extension in ["br", "gz"] {
            assert!(
                site.join(format!("{file}.{extension}")).is_file(),
                "{file}.{extension}"
            );
        }
    }
    assert!(!site.join("og/spending-id.png.gz").exists());
    let mut child = Command::new(PANTAU)
        .args(["serve", site.to_str().expect("path"), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serves");
    let stdout = child.stdout.take().expect("stdout");
    let _serving = Serving(child);
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the address");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("an address in the first line")
        .to_owned();
    assert!(address.starts_with("127.0.0.1:"), "{line}");
    // The transparency page: HTML under the strict policy, revalidated.
    let (status, headers, body) = request(&address, "GET", "/", &[]);
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/html; charset=utf-8")
    );
    let policy = header(&headers, "content-security-policy").expect("a policy");
    assert!(
        policy.contains("default-src 'none'")
            && policy.contains("script-src 'self' 'wasm-unsafe-eval'")
    );
    assert!(policy.contains("frame-src 'self'") && !policy.contains("unsafe-inline"));
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    assert_eq!(body, std::fs::read(site.join("index.html")).expect("page"));
    assert!(!text(&body).contains("<style") && !text(&body).contains(" style=\""));
    // Brotli where accepted, gzip where only that is, the file itself otherwise; each the same
    // bytes once decoded.
    let original = std::fs::read(site.join("data/contoh-paket.json")).expect("data");
    let (status, headers, body) = request(
        &address,
        "GET",
        "/data/contoh-paket.json",
        &[("Accept-Encoding", "gzip, deflate, br")],
    );
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-encoding"), Some("br"));
    assert_eq!(header(&headers, "content-type"), Some("application/json"));
    assert_eq!(header(&headers, "vary"), Some("Accept-Encoding"));
    assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut body.as_slice(), &mut decoded).expect("brotli");
    assert_eq!(decoded, original);
    let (_, headers, body) = request(
        &address,
        "GET",
        "/data/contoh-paket.json",
        &[("Accept-Encoding", "gzip")],
    );
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(body.as_slice())
        .read_to_end(&mut decoded)
        .expect("gzip");
    assert_eq!(decoded, original);
    let (_, headers, body) = request(
        &address,
        "GET",
        "/data/contoh-paket.json",
        &[("Accept-Encoding", "br;q=0, identity")],
    );
    assert_eq!(header(&headers, "content-encoding"), None);
    assert_eq!(body, original);
    // The build's hashed files are kept for a year; WebAssembly is typed for streaming compile.
    let (status, headers, _) = request(
        &address,
        "GET",
        "/widget/pantau-pbj-0123456789abcdef_bg.wasm",
        &[],
    );
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
    assert_eq!(
        header(&headers, "cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let (_, headers, _) = request(&address, "GET", "/widget/embed.js", &[]);
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    let (_, headers, _) = request(&address, "GET", "/snapshots/spending-id-light.svg", &[]);
    assert_eq!(header(&headers, "content-type"), Some("image/svg+xml"));
    // Revalidation: the same ETag answers 304 without a body.
    let (_, headers, _) = request(&address, "GET", "/SHA256SUMS", &[]);
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/plain; charset=utf-8")
    );
    let etag = header(&headers, "etag").expect("an ETag").to_owned();
    let (status, _, body) = request(&address, "GET", "/SHA256SUMS", &[("If-None-Match", &etag)]);
    assert_eq!((status, body.len()), (304, 0));
    // A folder without its slash moves to it; HEAD has no body; the rest is refused.
    let (status, headers, _) = request(&address, "GET", "/widget?src=x", &[]);
    assert_eq!(status, 301);
    assert_eq!(header(&headers, "location"), Some("/widget/?src=x"));
    let (status, headers, body) = request(&address, "HEAD", "/widget/", &[]);
    assert_eq!((status, body.len()), (200, 0));
    assert!(header(&headers, "content-security-policy").is_some());
    assert_eq!(request(&address, "GET", "/nothing.json", &[]).0, 404);
    assert_eq!(request(&address, "GET", "/../../etc/passwd", &[]).0, 400);
    assert_eq!(
        request(&address, "GET", "/%2e%2e/%2e%2e/etc/passwd", &[]).0,
        400
    );
    assert_eq!(request(&address, "POST", "/", &[]).0, 405);
}

#[test]
fn completions_and_the_man_page_come_from_the_same_definitions() {
    for (shell, mark) in [
        ("bash", "_pantau()"),
        ("zsh", "#compdef pantau"),
        ("fish", "complete -c pantau"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion"),
    ] {
        let output = run(&["completions", shell]);
        assert_eq!(code(&output), 0, "{shell}");
        let script = text(&output.stdout);
        assert!(script.contains(mark), "{shell}: {script}");
        for word in ["convert", "publish", "serve", "format"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let output = run(&["man"]);
    assert_eq!(code(&output), 0);
    let page = text(&output.stdout);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(
        page.contains(".TH pantau 1") && page.contains("Exit codes"),
        "{page}"
    );
    let output = run(&["man", "convert"]);
    assert_eq!(code(&output), 0);
    let page = text(&output.stdout);
    assert!(
        page.contains(".TH pantau-convert") && page.contains("\\-\\-quiet"),
        "{page}"
    );
    assert_eq!(code(&run(&["man", "convrt"])), 64);
}

/// The exit codes in `--help` and in the README are the same promise.
#[test]
fn the_readme_states_the_exit_codes_the_help_states() {
    let help = text(&run(&["--help"]).stdout);
    let readme = std::fs::read_to_string(repository("README.md")).expect("README");
    let codes = |text: &str| -> Vec<String> {
        let start = text.find("Exit codes:").expect("an exit-code table");
        text[start..]
            .lines()
            .skip(1)
            .take_while(|line| !line.trim().is_empty())
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(codes(&readme), codes(&help));
}

/// The CI recipe of docs/publishing.md, run as a publisher's job runs it: two months' exports in,
/// a checked, published and "uploaded" folder out (the upload is a copy here).
#[test]
fn the_publishing_recipe_runs_from_exports_to_an_uploaded_folder() {
    let folder = scratch("recipe");
    let exports = folder.join("exports");
    std::fs::create_dir_all(&exports).expect("a folder");
    std::fs::write(exports.join("rup-2024-01.csv"), big_export(300)).expect("written");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&std::fs::read(repository("tests/data/isb/rup-penyedia.json")).expect("ISB"))
        .expect("compressed");
    std::fs::write(
        exports.join("rup-penyedia.json.gz"),
        encoder.finish().expect("gzip"),
    )
    .expect("written");
    std::fs::write(exports.join("README.txt"), "not an export").expect("written");
    let widget = widget_build(&folder);
    let uploaded = folder.join("uploaded");
    let recipe = repository("docs/publishing/publish.sh");
    let output = Command::new("bash")
        .arg(&recipe)
        .current_dir(&folder)
        .env("PANTAU", PANTAU)
        .env("EXPORTS", &exports)
        .env("NAME", "pbj-2024.json")
        .env("WIDGET", &widget)
        .env("BASE", "https://data.example.go.id/pbj")
        .env("SITE", folder.join("site"))
        .env("DEST", &uploaded)
        .env(
            "UPLOAD",
            "mkdir -p \"$DEST\" && cp -R \"$SITE\"/. \"$DEST\"/",
        )
        .output()
        .expect("bash runs the recipe");
    let said = text(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("2 exports") && said.contains("uploaded"),
        "{said}"
    );
    for file in [
        "index.html",
        "SHA256SUMS",
        "data/pbj-2024.json",
        "embed.html",
        "check.json",
        "widget/index.html",
        "index.html.br",
    ] {
        assert!(uploaded.join(file).is_file(), "{file} was not uploaded");
    }
    let snippets = std::fs::read_to_string(uploaded.join("embed.html")).expect("snippets");
    assert!(snippets.contains("https://data.example.go.id/pbj/widget/embed.js"));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(uploaded.join("check.json")).expect("report"))
            .expect("JSON");
    conforms(&report);
    assert_eq!(report["files"].as_array().expect("files").len(), 2);
    // An export that cannot be used stops the recipe before anything is published.
    std::fs::write(exports.join("broken.json"), "{\"a\": [1, 2").expect("written");
    let site = folder.join("site-2");
    let output = Command::new("bash")
        .arg(&recipe)
        .current_dir(&folder)
        .env("PANTAU", PANTAU)
        .env("EXPORTS", &exports)
        .env("WIDGET", &widget)
        .env("SITE", &site)
        .output()
        .expect("bash runs the recipe");
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(!site.exists());
}
