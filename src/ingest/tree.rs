//! A JSON tree built in steps: the same tree as `serde_json::from_str::<Value>`, without one
//! long task for a long text.
//!
//! A scan first finds where each container or string of [`WHOLE_BYTES`] or more ends
//! (counting brackets outside strings). Then the tree is built: such a container member by
//! member, such a string a piece at a time, anything smaller parsed whole by serde_json. No step
//! parses more than [`WHOLE_BYTES`] at once, save a single number that long (digits only: fast),
//! and serde_json checks the grammar of every piece; what it cannot see (commas, colons and
//! brackets between the members of a big container, the escapes of a long string) is checked
//! here, as serde_json checks it.

use crate::hash::Map;
use crate::pace::Pace;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Containers shorter than this (in bytes) are parsed whole.
pub const WHOLE_BYTES: usize = 32 * 1024;
/// How deep containers may nest (as deep as serde_json reads).
pub const MAX_DEPTH: usize = 127;
/// Bytes scanned between two chances to pause.
const SCAN_CHUNK: usize = 64 * 1024;
/// Bytes of scanning, and of parsing, that make one unit of [`Pace`] (about one row's work).
const SCANNED_PER_UNIT: usize = 4096;
const PARSED_PER_UNIT: usize = 256;

/// Where a text stops being JSON: line and column (1-based, in bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// The line (from 1).
    pub line: usize,
    /// The column (from 1).
    pub column: usize,
}

/// The place of byte `at` of `text`.
pub(super) fn fault_at(text: &str, at: usize) -> Fault {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|byte| *byte == b'\n')
        .map_or(0, |newline| newline + 1);
    Fault {
        line: 1 + before.iter().filter(|byte| **byte == b'\n').count(),
        column: before.len() - line_start + 1,
    }
}

/// Where containers and strings of `whole` bytes or more end (one past their closing bracket or
/// quote), by the place of their opening one; refused when nested deeper than [`MAX_DEPTH`].
async fn scan(text: &str, whole: usize, pace: &Pace) -> Result<Map<usize, usize>, Fault> {
    let bytes = text.as_bytes();
    let mut ends = Map::default();
    let mut open: Vec<usize> = Vec::new();
    let mut in_string = false;
    let mut string_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let stop = (at + SCAN_CHUNK).min(bytes.len());
        while at < stop {
            if in_string {
                match memchr::memchr2(b'"', b'\\', &bytes[at..stop]) {
                    None => at = stop,
                    Some(offset) if bytes[at + offset] == b'\\' => at += offset + 2,
                    Some(offset) => {
                        in_string = false;
                        at += offset + 1;
                        if at - string_start >= whole {
                            ends.insert(string_start, at);
                        }
                    }
                }
                continue;
            }
            match bytes[at] {
                b'"' => {
                    in_string = true;
                    string_start = at;
                }
                b'{' | b'[' if open.len() == MAX_DEPTH => return Err(fault_at(text, at)),
                b'{' | b'[' => open.push(at),
                b'}' | b']' => {
                    if let Some(start) = open.pop() {
                        if at + 1 - start >= whole {
                            ends.insert(start, at + 1);
                        }
                    }
                }
                _ => {}
            }
            at += 1;
        }
        pace.spend(SCAN_CHUNK / SCANNED_PER_UNIT).await;
    }
    Ok(ends)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\n' | b'\r' | b'\t') {
        at += 1;
    }
    at
}

/// The one JSON value that starts at `at` and ends before `limit`, and its length.
pub fn parse_one<T: DeserializeOwned>(
    text: &str,
    at: usize,
    limit: usize,
) -> Result<(T, usize), Fault> {
    let mut stream = serde_json::Deserializer::from_str(&text[at..limit]).into_iter::<T>();
    match stream.next() {
        Some(Ok(value)) => Ok((value, stream.byte_offset())),
        Some(Err(error)) => Err(shifted(text, at, &error)),
        None => Err(fault_at(text, limit)),
    }
}

/// Where in `text` serde_json's `error` is, for a piece of it that starts at `at` (serde_json
/// counts from the piece's start).
pub fn shifted(text: &str, at: usize, error: &serde_json::Error) -> Fault {
    let start = fault_at(text, at);
    match error.line() {
        0 | 1 => Fault {
            line: start.line,
            column: start.column + error.column().saturating_sub(1),
        },
        line => Fault {
            line: start.line + line - 1,
            column: error.column(),
        },
    }
}

/// The text of the long JSON string between `start` (its opening quote) and `end` (one past its
/// closing quote), decoded a piece at a time as serde_json decodes it: escapes (`\uD83D\uDE00`
/// pairs whole, a lone surrogate refused), no control character unescaped.
async fn long_string(
    text: &str,
    (start, end): (usize, usize),
    pace: &Pace,
) -> Result<String, Fault> {
    let bytes = text.as_bytes();
    let last = end - 1;
    let mut decoded = String::with_capacity(last - start - 1);
    let mut at = start + 1;
    while at < last {
        let escape = memchr::memchr(b'\\', &bytes[at..last]).map_or(last, |offset| at + offset);
        let mut stop = escape.min(at + WHOLE_BYTES);
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        if let Some(offset) = bytes[at..stop].iter().position(|byte| *byte < 0x20) {
            return Err(fault_at(text, at + offset));
        }
        decoded.push_str(&text[at..stop]);
        pace.spend((stop - at) / PARSED_PER_UNIT + 1).await;
        at = stop;
        if at == escape && at < last {
            let (character, length) =
                unescape(&bytes[at..last]).ok_or_else(|| fault_at(text, at))?;
            decoded.push(character);
            at += length;
        }
    }
    Ok(decoded)
}

/// The character of the escape at the start of `bytes` (`\n`, `\u00e9`, a surrogate pair) and
/// its length; `None` where serde_json refuses it.
fn unescape(bytes: &[u8]) -> Option<(char, usize)> {
    let hex = |at: usize| -> Option<u32> {
        let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
        digits
            .bytes()
            .all(|byte| byte.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(digits, 16).ok())
            .flatten()
    };
    let simple = match bytes.get(1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            return match hex(2)? {
                0xDC00..=0xDFFF => None,
                high @ 0xD800..=0xDBFF => {
                    if bytes.get(6..8)? != b"\\u" {
                        return None;
                    }
                    let low = hex(8).filter(|low| (0xDC00..=0xDFFF).contains(low))?;
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    Some((char::from_u32(code)?, 12))
                }
                code => Some((char::from_u32(code)?, 6)),
            }
        }
        _ => return None,
    };
    Some((simple, 2))
}

/// Where the containers and strings of [`WHOLE_BYTES`] or more end, by where they start.
pub type Ends = Map<usize, usize>;

/// The members of one big container read in order: an object's keys and where each value
/// starts, an array's items. The caller reads each value and says where it ended.
pub struct Members {
    /// Where its closing bracket is.
    close: usize,
    /// Where reading goes on.
    at: usize,
    /// Members so far.
    count: usize,
    /// Whether a comma was read and a member must follow.
    wants_member: bool,
    /// Whether it is an object.
    object: bool,
}

impl Members {
    /// The members of the container that starts at `start` and ends before `end`.
    pub fn new(bytes: &[u8], (start, end): (usize, usize)) -> Members {
        Members {
            close: end - 1,
            at: start + 1,
            count: 0,
            wants_member: false,
            object: bytes[start] == b'{',
        }
    }

    /// The next member's key (in an object) and where its value starts; `None` at the closing
    /// bracket (which is checked).
    pub async fn next(
        &mut self,
        text: &str,
        ends: &Ends,
        pace: &Pace,
    ) -> Result<Option<(Option<String>, usize)>, Fault> {
        let bytes = text.as_bytes();
        let mut at = skip_space(bytes, self.at);
        if at == self.close {
            let closing = if self.object { b'}' } else { b']' };
            if self.wants_member || bytes[at] != closing {
                return Err(fault_at(text, at));
            }
            return Ok(None);
        }
        if at > self.close {
            return Err(fault_at(text, self.close));
        }
        if self.count > 0 {
            if bytes[at] != b',' {
                return Err(fault_at(text, at));
            }
            at = skip_space(bytes, at + 1);
            if at >= self.close {
                return Err(fault_at(text, at.min(self.close)));
            }
        }
        self.wants_member = true;
        let key = match self.object {
            true => {
                if bytes[at] != b'"' {
                    return Err(fault_at(text, at));
                }
                let (key, key_end) = match ends.get(&at) {
                    Some(&end) if end <= self.close => {
                        (long_string(text, (at, end), pace).await?, end)
                    }
                    _ => parse_one::<String>(text, at, self.close)
                        .map(|(key, length)| (key, at + length))?,
                };
                at = skip_space(bytes, key_end);
                if at >= self.close || bytes[at] != b':' {
                    return Err(fault_at(text, at.min(self.close)));
                }
                at = skip_space(bytes, at + 1);
                Some(key)
            }
            false => None,
        };
        Ok(Some((key, at)))
    }

    /// Says that the member's value ended at `end` (one past its last byte).
    pub fn ended(&mut self, end: usize) {
        self.at = end;
        self.count += 1;
        self.wants_member = false;
    }

    /// Where the container's closing bracket is.
    pub fn close(&self) -> usize {
        self.close
    }
}

/// The units of [`Pace`] that parsing `bytes` of JSON is worth.
pub fn units(bytes: usize) -> usize {
    bytes / PARSED_PER_UNIT + 1
}

/// Where the value that starts at `at`, inside a container that closes at `close`, ends: known
/// for big ones, found by reading it (without building anything) for small ones.
pub fn value_end(text: &str, ends: &Ends, at: usize, close: usize) -> Result<usize, Fault> {
    match ends.get(&at) {
        Some(&end) if end > close => Err(fault_at(text, close)),
        Some(&end) => Ok(end),
        None => parse_one::<serde::de::IgnoredAny>(text, at, close).map(|(_, length)| at + length),
    }
}

/// Whether a big container (one of [`Ends`]) starts at `at` with `opening`.
pub fn big(text: &str, ends: &Ends, at: usize, opening: u8) -> Option<(usize, usize)> {
    let &end = ends.get(&at)?;
    (text.as_bytes().get(at) == Some(&opening)).then_some((at, end))
}

/// A big container being built.
struct Open {
    members: Members,
    items: Items,
    /// The key of the member being built (in an object).
    key: Option<String>,
}

enum Items {
    Array(Vec<Value>),
    Object(serde_json::Map<String, Value>),
}

impl Open {
    fn new(bytes: &[u8], span: (usize, usize)) -> Open {
        let members = Members::new(bytes, span);
        Open {
            items: match members.object {
                true => Items::Object(serde_json::Map::new()),
                false => Items::Array(Vec::new()),
            },
            members,
            key: None,
        }
    }

    fn add(&mut self, key: Option<String>, value: Value, end: usize) {
        match (&mut self.items, key) {
            (Items::Array(items), _) => items.push(value),
            (Items::Object(members), Some(key)) => {
                members.insert(key, value);
            }
            (Items::Object(_), None) => {}
        }
        self.members.ended(end);
    }
}

/// Drops a tree a value at a time (a tree of a long text holds millions of allocations).
pub async fn dispose(tree: Value, pace: &Pace) {
    let mut stack = vec![tree];
    while let Some(value) = stack.pop() {
        pace.tick().await;
        match value {
            Value::Array(items) => stack.extend(items),
            Value::Object(members) => stack.extend(members.into_iter().map(|(_, value)| value)),
            _ => {}
        }
    }
}

/// The first JSON value of `text` (after white space), and where it ends: the caller decides
/// whether what follows may be there.
pub async fn first_value(text: &str, pace: &Pace) -> Result<(Value, usize), Fault> {
    build(text, WHOLE_BYTES, pace).await
}

/// Where the big containers and strings of `text` end ([`Ends`]), and where its first value
/// starts.
pub async fn ends(text: &str, pace: &Pace) -> Result<(Ends, usize), Fault> {
    let ends = scan(text, WHOLE_BYTES, pace).await?;
    Ok((ends, skip_space(text.as_bytes(), 0)))
}

async fn build(text: &str, whole: usize, pace: &Pace) -> Result<(Value, usize), Fault> {
    let ends = scan(text, whole, pace).await?;
    let bytes = text.as_bytes();
    let start = skip_space(bytes, 0);
    let Some(&end) = ends.get(&start) else {
        return parse_one(text, start, text.len()).map(|(value, length)| (value, start + length));
    };
    if bytes[start] == b'"' {
        let string = long_string(text, (start, end), pace).await?;
        return Ok((Value::String(string), end));
    }
    let mut stack = vec![Open::new(bytes, (start, end))];
    // The root is returned when it closes; the stack is never empty before.
    while let Some(top) = stack.last_mut() {
        let Some((key, at)) = top.members.next(text, &ends, pace).await? else {
            let close = top.members.close();
            let value = match std::mem::replace(&mut top.items, Items::Array(Vec::new())) {
                Items::Array(items) => Value::Array(items),
                Items::Object(members) => Value::Object(members),
            };
            stack.pop();
            match stack.last_mut() {
                None => return Ok((value, close + 1)),
                Some(parent) => {
                    let key = parent.key.take();
                    parent.add(key, value, close + 1);
                }
            }
            continue;
        };
        let close = top.members.close();
        if let Some(&end) = ends.get(&at) {
            if end > close {
                return Err(fault_at(text, close));
            }
            if bytes[at] == b'"' {
                let value = Value::String(long_string(text, (at, end), pace).await?);
                top.add(key, value, end);
                continue;
            }
            top.key = key;
            stack.push(Open::new(bytes, (at, end)));
            continue;
        }
        let (value, length) = parse_one::<Value>(text, at, close)?;
        top.add(key, value, at + length);
        pace.spend(units(length)).await;
    }
    Err(fault_at(text, text.len()))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
// Test code (clippy recognises `cfg(test)` alone): a failed expectation is the test failing.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::pace::{finish, Stepped};
    use proptest::prelude::*;

    fn whole_tree(text: &str, whole: usize) -> Result<Value, Fault> {
        let (value, end) = finish(build(text, whole, &Pace::unbounded()))?;
        match text[end..]
            .trim_start_matches([' ', '\n', '\r', '\t'])
            .is_empty()
        {
            true => Ok(value),
            false => Err(fault_at(text, end)),
        }
    }

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1.0e6..1.0e6f64).prop_map(Value::from),
            "[a-z\"\\\\ é\n\u{1}\u{1F600}/]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 200, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map("[a-c\"]{0,3}", inner, 0..8)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// The text of `value`, with white space around its tokens.
    fn spaced(value: &Value, pretty: bool) -> String {
        match pretty {
            true => serde_json::to_string_pretty(value).expect("a tree prints"),
            false => serde_json::to_string(value).expect("a tree prints"),
        }
    }

    proptest! {
        #[test]
        fn the_tree_is_serde_jsons_tree(value in json(), whole in 2usize..64, pretty: bool) {
            // Compared with serde_json's reading of the text (its floats do not always round-trip).
            let text = spaced(&value, pretty);
            let theirs: Value = serde_json::from_str(&text).expect("printed JSON reads");
            prop_assert_eq!(whole_tree(&text, whole), Ok(theirs));
        }

        #[test]
        fn a_broken_text_is_refused_as_serde_json_refuses_it(
            value in json(),
            whole in 2usize..64,
            cut in any::<prop::sample::Index>(),
            insert in prop::sample::select(vec![
                "", ",", ":", "]", "}", "[", "{", "\"", "x", " ", "\\", "\\u", "\\uD800", "\\uDC00",
                "\\uD83D\\uDE00", "\\uD83D\\u0041", "\\uD83Dx", "\\u00g1", "\\q", "\u{1}", "\n",
            ]),
        ) {
            let mut text = spaced(&value, false);
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if insert.is_empty() {
                if at < text.len() {
                    let next = text[at..].chars().next().map_or(1, char::len_utf8);
                    text.replace_range(at..at + next, "");
                }
            } else {
                text.insert_str(at, insert);
            }
            let ours = whole_tree(&text, whole);
            let theirs = serde_json::from_str::<Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", text);
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                prop_assert_eq!(ours, theirs);
            }
        }
    }

    #[test]
    fn refusals_say_where() {
        let text = "{\"a\": [1, 2,\n 3,]}";
        let theirs = serde_json::from_str::<Value>(text).expect_err("a trailing comma");
        for whole in [2, WHOLE_BYTES] {
            let ours = whole_tree(text, whole).expect_err("a trailing comma");
            assert_eq!((ours.line, ours.column), (theirs.line(), theirs.column()));
        }
        for depth in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
            let deep = "[".repeat(depth) + &"]".repeat(depth);
            let theirs = serde_json::from_str::<Value>(&deep).is_ok();
            for whole in [2, WHOLE_BYTES] {
                assert_eq!(whole_tree(&deep, whole).is_ok(), theirs, "depth {depth}");
            }
        }
    }

    /// The tree of `text` built in steps of 50 units, and how many steps it took.
    fn built_in_steps(text: &str) -> (Result<Value, Fault>, usize) {
        let copy = text.to_owned();
        let mut stepped =
            Stepped::new(
                |pace| async move { first_value(&copy, &pace).await.map(|(value, _)| value) },
            );
        let mut steps = 0;
        loop {
            steps += 1;
            if let Some(result) = stepped.step(50) {
                return (result, steps);
            }
        }
    }

    #[test]
    fn a_long_string_is_decoded_in_steps_as_serde_json_decodes_it() {
        let piece = r#"ab\u00e9\"\n\uD83D\uDE00é/\\"#;
        let text = format!(r#"{{"notes": "{}", "n": 1}}"#, piece.repeat(20_000));
        let expected: Value = serde_json::from_str(&text).expect("valid");
        let (built, steps) = built_in_steps(&text);
        assert_eq!(built, Ok(expected));
        assert!(steps > 20, "{steps} steps");
        for bad in [
            r#"\uDE00"#,
            r#"\uD83D"#,
            r#"\uD83D\u0041"#,
            "\u{1}",
            r#"\x"#,
            r#"\u12g"#,
        ] {
            let text = format!(
                r#"{{"notes": "{}{bad}{}"}}"#,
                "a".repeat(40_000),
                "b".repeat(10)
            );
            let theirs = serde_json::from_str::<Value>(&text)
                .map(|_| ())
                .map_err(|e| e.line());
            let ours = whole_tree(&text, WHOLE_BYTES)
                .map(|_| ())
                .map_err(|fault| fault.line);
            assert!(theirs.is_err(), "{bad}: serde_json refuses it");
            assert_eq!(ours, theirs, "{bad}");
        }
    }

    #[test]
    fn a_long_text_is_built_in_short_steps() {
        let members: Vec<String> = (0..20_000)
            .map(|index| format!("{{\"id\":\"s{index}\",\"title\":\"Sumber {index}\"}}"))
            .collect();
        let text = format!("{{\"format\":\"x\",\"list\":[{}]}}", members.join(","));
        let expected: Value = serde_json::from_str(&text).expect("valid");
        let (built, steps) = built_in_steps(&text);
        assert_eq!(built, Ok(expected));
        // About 800 KB: at 50 units (about 12 KB of parsing) a step, some 70 steps.
        assert!(steps > 40, "{steps} steps");
    }
}
