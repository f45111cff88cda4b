//! Reading an input while it downloads: CSV rows and JSON Lines lines are read from the part
//! that has come, so that little is left to read after the last byte. Only UTF-8 text is read
//! this way; anything else (a Pantau or OCDS JSON document, UTF-16, text that turns out not to be
//! UTF-8) is kept and read whole at the end, as [`Reading::start`] reads it. Either way the
//! result is the same as reading the whole input at once.

use super::reading::{json_lines, Lines};
use super::{detect, Kind, Origin, Reading, Source, SourceFormat};
use crate::model::Package;

/// Rows or lines read per step while the input comes.
const STEP: usize = 500;
/// Bytes kept at most while waiting for a first line whole enough to tell the kind of input.
const MAX_WAIT: usize = 4 * 1024 * 1024;
/// Room made at most ahead of the bytes, whatever length is declared.
const MAX_ROOM: usize = 512 * 1024 * 1024;

/// What is known of an input before its bytes come.
#[derive(Debug, Clone)]
pub struct Expecting {
    /// The response's Content-Type, if any.
    pub content_type: Option<String>,
    /// A format the embedding page insists on.
    pub format: Option<SourceFormat>,
    /// The file's address.
    pub address: String,
    /// The year of rows and releases that say none.
    pub current_year: i32,
    /// The whole input's length in bytes, if declared.
    pub length: Option<usize>,
}

/// An input read as it comes.
pub struct Progressive {
    expecting: Expecting,
    stage: Stage,
    /// Whether the text began with a byte-order mark (not in the reading's text; a reading that
    /// starts over puts it back, since it changes how the bytes are decoded).
    bom: bool,
}

enum Stage {
    /// Too little has come to tell the kind of input.
    Waiting(Vec<u8>),
    /// Read as it comes: the valid UTF-8 so far is the reading's text; `pending` holds the first
    /// bytes of a character whose last bytes have not come yet.
    Reading {
        reading: Box<Reading>,
        pending: Vec<u8>,
    },
    /// Kept, to be read whole at the end.
    Keeping(Vec<u8>),
}

/// How to go on from the bytes that came first.
enum Start {
    Wait,
    Keep,
    Read { lines: Option<Lines> },
}

/// The kind of reading `bytes` (the start of an input) calls for, once it can be told.
fn start(bytes: &[u8], expecting: &Expecting) -> Start {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Start::Keep;
    }
    let Ok((text, _)) = utf8_prefix(bytes) else {
        return Start::Keep;
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let source = Source {
        bytes: text.as_bytes().into(),
        content_type: expecting.content_type.as_deref(),
        format: expecting.format,
        address: &expecting.address,
        current_year: expecting.current_year,
    };
    let body = text.trim_start();
    // The first line whole, and (for JSON Lines) something after it.
    let Some((_, after)) = body.split_once('\n') else {
        return Start::Wait;
    };
    match detect(&source) {
        Kind::Csv => Start::Read { lines: None },
        Kind::Json if after.trim().is_empty() => Start::Wait,
        Kind::Json => match json_lines(text) {
            Some(lines) => Start::Read { lines: Some(lines) },
            None => Start::Keep,
        },
        Kind::Pantau | Kind::WebPage => Start::Keep,
    }
}

impl Progressive {
    /// Ready for the bytes of an input.
    pub fn new(expecting: Expecting) -> Progressive {
        let room = expecting.length.unwrap_or(0).min(MAX_ROOM);
        Progressive {
            expecting,
            stage: Stage::Waiting(Vec::with_capacity(room)),
            bom: false,
        }
    }

    fn origin(&self) -> Origin<'_> {
        Origin {
            address: &self.expecting.address,
            current_year: self.expecting.current_year,
        }
    }

    /// More bytes of the input, read as far as they go.
    pub fn push(&mut self, chunk: &[u8]) {
        let first = match &mut self.stage {
            Stage::Keeping(bytes) => return bytes.extend_from_slice(chunk),
            Stage::Reading { reading, pending } => {
                if read_more(reading, pending, chunk).is_err() {
                    self.keep();
                }
                return;
            }
            Stage::Waiting(bytes) => {
                bytes.extend_from_slice(chunk);
                match start(bytes, &self.expecting) {
                    Start::Wait if bytes.len() <= MAX_WAIT => return,
                    Start::Wait | Start::Keep => None,
                    Start::Read { lines } => Some((std::mem::take(bytes), lines)),
                }
            }
        };
        let Some((bytes, lines)) = first else {
            return self.keep();
        };
        // The first bytes (without the byte-order mark) start the text: a CSV reader takes its
        // delimiter from the first line.
        self.bom = bytes.starts_with(BOM);
        let first = bytes.strip_prefix(BOM).unwrap_or(&bytes);
        let Ok((text, rest)) = utf8_prefix(first) else {
            self.stage = Stage::Keeping(bytes);
            return;
        };
        let mut initial = String::with_capacity(bytes.capacity());
        initial.push_str(text);
        let mut reading = Reading::partial(initial, lines, self.origin(), self.expecting.length);
        catch_up(&mut reading);
        self.stage = Stage::Reading {
            reading: Box::new(reading),
            pending: rest.to_vec(),
        };
    }

    /// Stops reading as the input comes: the bytes so far are kept, to be read whole at the end.
    fn keep(&mut self) {
        let kept = match std::mem::replace(&mut self.stage, Stage::Keeping(Vec::new())) {
            Stage::Waiting(bytes) | Stage::Keeping(bytes) => bytes,
            Stage::Reading { reading, pending } => restored(self.bom, *reading, &pending),
        };
        self.stage = Stage::Keeping(kept);
    }

    /// The packages read so far, in order (the finished result's start with them).
    pub fn packages(&self) -> &[Package] {
        match &self.stage {
            Stage::Reading { reading, .. } => reading.packages(),
            _ => &[],
        }
    }

    /// How many packages the whole input will likely give, once some are read.
    pub fn expected(&self) -> Option<usize> {
        match &self.stage {
            Stage::Reading { reading, .. } => reading.expected(),
            _ => None,
        }
    }

    /// All has come: the reading that finishes the input (step it to its result).
    pub fn finish(self) -> Reading {
        let Progressive {
            expecting,
            stage,
            bom,
        } = self;
        let whole = |bytes: Vec<u8>| {
            Reading::start(Source {
                bytes: bytes.into(),
                content_type: expecting.content_type.as_deref(),
                format: expecting.format,
                address: &expecting.address,
                current_year: expecting.current_year,
            })
        };
        match stage {
            Stage::Waiting(bytes) | Stage::Keeping(bytes) => whole(bytes),
            // The input ended inside a character: not UTF-8 after all.
            Stage::Reading { reading, pending } if !pending.is_empty() => {
                whole(restored(bom, *reading, &pending))
            }
            Stage::Reading { mut reading, .. } => {
                reading.complete();
                *reading
            }
        }
    }
}

/// UTF-8's byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The input's bytes so far, from a reading that must start over: its byte-order mark, its text
/// and the `pending` bytes.
fn restored(bom: bool, reading: Reading, pending: &[u8]) -> Vec<u8> {
    let text = reading.into_bytes();
    let mut bytes = Vec::with_capacity(BOM.len() + text.len() + pending.len());
    if bom {
        bytes.extend_from_slice(BOM);
    }
    bytes.extend_from_slice(&text);
    bytes.extend_from_slice(pending);
    bytes
}

/// The longest start of `bytes` that is UTF-8, and the rest (the first bytes of a character
/// yet to be completed); `Err` if the bytes are not UTF-8.
fn utf8_prefix(bytes: &[u8]) -> Result<(&str, &[u8]), ()> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text, &[])),
        Err(error) if error.error_len().is_none() => {
            let (valid, rest) = bytes.split_at(error.valid_up_to());
            std::str::from_utf8(valid)
                .map(|text| (text, rest))
                .map_err(|_| ())
        }
        Err(_) => Err(()),
    }
}

/// Reads all of a partial reading's text that can be read.
fn catch_up(reading: &mut Reading) {
    while !reading.caught_up() {
        // A partial reading gives no result before it is complete.
        let _ = reading.step(STEP);
    }
}

/// Adds `chunk` to a reading and reads as far as it goes. `Err` when the text turns out not to
/// be UTF-8: then `pending` holds the bytes the reading's text lacks (the reading must stop).
fn read_more(reading: &mut Reading, pending: &mut Vec<u8>, chunk: &[u8]) -> Result<(), ()> {
    let joined;
    let bytes = if pending.is_empty() {
        chunk
    } else {
        pending.extend_from_slice(chunk);
        joined = std::mem::take(pending);
        &joined[..]
    };
    let Ok((text, rest)) = utf8_prefix(bytes) else {
        pending.extend_from_slice(bytes);
        return Err(());
    };
    reading.push(text);
    pending.extend_from_slice(rest);
    catch_up(reading);
    Ok(())
}
