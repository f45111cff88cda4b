//! The reading worker's exchange with the widget, typed: what each side may say, and one
//! encoder and decoder for each direction. A message travels as a small header (these bytes)
//! and, for some, one payload of bytes beside it (the file, a chunk of it, a batch of packages,
//! the result's head: `ingest::wire`), whose buffer moves with it. A header that is not one of
//! these messages is an error value, never read as a default.

use crate::ingest::SourceFormat;

/// What the widget knows of the bytes it hands over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// The response's Content-Type, if any.
    pub content_type: Option<String>,
    /// A format the page insists on.
    pub format: Option<SourceFormat>,
    /// The file's address.
    pub address: String,
    /// The year of rows and releases that say none.
    pub current_year: i32,
}

/// What the widget tells the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToWorker {
    /// Make room for `length` bytes; read them as they come when `streaming` says what they are.
    Reserve {
        /// The file's length in bytes.
        length: u32,
        /// What the bytes are, when they are to be read as they come.
        streaming: Option<Described>,
    },
    /// The next bytes of a file read as it comes (payload: the bytes).
    Chunk,
    /// Read the file: its bytes are the payload, or came as chunks (`streamed`).
    Job {
        /// What the bytes are.
        described: Described,
        /// Whether they came as chunks (else they are the payload).
        streamed: bool,
    },
}

/// What the worker tells the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromWorker {
    /// It has started and listens.
    Ready,
    /// About how many packages will come (room is made for them once).
    Expect(u64),
    /// A batch of packages (payload: `wire::encode_packages`).
    Packages,
    /// It started its reading over: the packages sent so far are dropped.
    Reset,
    /// The result without its packages (payload: `wire::encode_head`), after the last batch.
    Head,
    /// It is done.
    Done,
    /// The file goes back for the widget to read itself (payload: the bytes).
    Back,
    /// It has no streamed bytes to read (the widget reads the file itself).
    Lost,
}

/// A header that is not a message of this exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Little-endian numbers and length-prefixed UTF-8 texts.
#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn byte(mut self, byte: u8) -> Writer {
        self.0.push(byte);
        self
    }

    fn number(mut self, number: u64) -> Writer {
        self.0.extend_from_slice(&number.to_le_bytes());
        self
    }

    fn text(self, text: &str) -> Writer {
        let mut writer = self.number(text.len() as u64);
        writer.0.extend_from_slice(text.as_bytes());
        writer
    }

    fn described(self, described: &Described) -> Writer {
        let writer = match &described.content_type {
            Some(content_type) => self.byte(1).text(content_type),
            None => self.byte(0),
        };
        let format = match described.format {
            None => 0,
            Some(SourceFormat::Pantau) => 1,
            Some(SourceFormat::Ocds) => 2,
            Some(SourceFormat::Csv) => 3,
        };
        writer
            .byte(format)
            .text(&described.address)
            .number(described.current_year as i64 as u64)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], Malformed> {
        let (taken, rest) = self.bytes.split_at_checked(N).ok_or(Malformed)?;
        self.bytes = rest;
        taken.try_into().map_err(|_| Malformed)
    }

    fn byte(&mut self) -> Result<u8, Malformed> {
        self.take::<1>().map(|[byte]| byte)
    }

    fn number(&mut self) -> Result<u64, Malformed> {
        self.take().map(u64::from_le_bytes)
    }

    fn text(&mut self) -> Result<String, Malformed> {
        let length = usize::try_from(self.number()?).map_err(|_| Malformed)?;
        let (text, rest) = self.bytes.split_at_checked(length).ok_or(Malformed)?;
        self.bytes = rest;
        String::from_utf8(text.to_vec()).map_err(|_| Malformed)
    }

    fn described(&mut self) -> Result<Described, Malformed> {
        let content_type = match self.byte()? {
            0 => None,
            1 => Some(self.text()?),
            _ => return Err(Malformed),
        };
        let format = match self.byte()? {
            0 => None,
            1 => Some(SourceFormat::Pantau),
            2 => Some(SourceFormat::Ocds),
            3 => Some(SourceFormat::Csv),
            _ => return Err(Malformed),
        };
        let address = self.text()?;
        let current_year = i32::try_from(self.number()? as i64).map_err(|_| Malformed)?;
        Ok(Described {
            content_type,
            format,
            address,
            current_year,
        })
    }

    fn flag(&mut self) -> Result<bool, Malformed> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Malformed),
        }
    }

    /// The value read, if nothing follows it.
    fn end<T>(self, value: T) -> Result<T, Malformed> {
        match self.bytes.is_empty() {
            true => Ok(value),
            false => Err(Malformed),
        }
    }
}

impl ToWorker {
    /// The message's header.
    pub fn encode(&self) -> Vec<u8> {
        let writer = Writer::default();
        match self {
            ToWorker::Reserve { length, streaming } => {
                let writer = writer.byte(1).number(u64::from(*length));
                match streaming {
                    Some(described) => writer.byte(1).described(described),
                    None => writer.byte(0),
                }
            }
            ToWorker::Chunk => writer.byte(2),
            ToWorker::Job {
                described,
                streamed,
            } => writer
                .byte(3)
                .byte(u8::from(*streamed))
                .described(described),
        }
        .0
    }

    /// The message a header says.
    pub fn decode(header: &[u8]) -> Result<ToWorker, Malformed> {
        let mut reader = Reader { bytes: header };
        let message = match reader.byte()? {
            1 => {
                let length = u32::try_from(reader.number()?).map_err(|_| Malformed)?;
                let streaming = match reader.flag()? {
                    true => Some(reader.described()?),
                    false => None,
                };
                ToWorker::Reserve { length, streaming }
            }
            2 => ToWorker::Chunk,
            3 => {
                let streamed = reader.flag()?;
                let described = reader.described()?;
                ToWorker::Job {
                    described,
                    streamed,
                }
            }
            _ => return Err(Malformed),
        };
        reader.end(message)
    }
}

impl FromWorker {
    /// The message's header.
    pub fn encode(&self) -> Vec<u8> {
        let writer = Writer::default();
        match self {
            FromWorker::Ready => writer.byte(1),
            FromWorker::Expect(count) => writer.byte(2).number(*count),
            FromWorker::Packages => writer.byte(3),
            FromWorker::Reset => writer.byte(4),
            FromWorker::Head => writer.byte(5),
            FromWorker::Done => writer.byte(6),
            FromWorker::Back => writer.byte(7),
            FromWorker::Lost => writer.byte(8),
        }
        .0
    }

    /// The message a header says.
    pub fn decode(header: &[u8]) -> Result<FromWorker, Malformed> {
        let mut reader = Reader { bytes: header };
        let message = match reader.byte()? {
            1 => FromWorker::Ready,
            2 => FromWorker::Expect(reader.number()?),
            3 => FromWorker::Packages,
            4 => FromWorker::Reset,
            5 => FromWorker::Head,
            6 => FromWorker::Done,
            7 => FromWorker::Back,
            8 => FromWorker::Lost,
            _ => return Err(Malformed),
        };
        reader.end(message)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn described() -> impl Strategy<Value = Described> {
        (
            proptest::option::of(".{0,12}"),
            proptest::option::of(prop::sample::select(vec![
                SourceFormat::Pantau,
                SourceFormat::Ocds,
                SourceFormat::Csv,
            ])),
            ".{0,40}",
            any::<i32>(),
        )
            .prop_map(|(content_type, format, address, current_year)| Described {
                content_type,
                format,
                address,
                current_year,
            })
    }

    fn to_worker() -> impl Strategy<Value = ToWorker> {
        prop_oneof![
            (any::<u32>(), proptest::option::of(described()))
                .prop_map(|(length, streaming)| ToWorker::Reserve { length, streaming }),
            Just(ToWorker::Chunk),
            (described(), any::<bool>()).prop_map(|(described, streamed)| ToWorker::Job {
                described,
                streamed
            }),
        ]
    }

    fn from_worker() -> impl Strategy<Value = FromWorker> {
        prop_oneof![
            Just(FromWorker::Ready),
            any::<u64>().prop_map(FromWorker::Expect),
            Just(FromWorker::Packages),
            Just(FromWorker::Reset),
            Just(FromWorker::Head),
            Just(FromWorker::Done),
            Just(FromWorker::Back),
            Just(FromWorker::Lost),
        ]
    }

    proptest! {
        #[test]
        fn messages_to_the_worker_read_back_as_sent(message in to_worker()) {
            prop_assert_eq!(ToWorker::decode(&message.encode()), Ok(message));
        }

        #[test]
        fn messages_from_the_worker_read_back_as_sent(message in from_worker()) {
            prop_assert_eq!(FromWorker::decode(&message.encode()), Ok(message));
        }

        #[test]
        fn a_cut_or_lengthened_header_is_malformed(message in to_worker(), extra in 1u8..=255) {
            let header = message.encode();
            for cut in 0..header.len() {
                prop_assert_eq!(ToWorker::decode(&header[..cut]), Err(Malformed));
            }
            let mut longer = header.clone();
            longer.push(extra);
            prop_assert_eq!(ToWorker::decode(&longer), Err(Malformed));
        }

        #[test]
        fn any_bytes_decode_to_a_message_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let _ = ToWorker::decode(&bytes);
            let _ = FromWorker::decode(&bytes);
        }
    }

    #[test]
    fn unknown_kinds_are_errors_never_defaults() {
        assert_eq!(ToWorker::decode(&[9]), Err(Malformed));
        assert_eq!(FromWorker::decode(&[0]), Err(Malformed));
        assert_eq!(FromWorker::decode(&[]), Err(Malformed));
        // A job whose year does not fit is refused, not read as 2024.
        let mut job = ToWorker::Job {
            described: Described {
                content_type: None,
                format: None,
                address: "a".into(),
                current_year: 2024,
            },
            streamed: false,
        }
        .encode();
        let year = job.len() - 8;
        job[year..].copy_from_slice(&(i64::from(i32::MAX) + 1).to_le_bytes());
        assert_eq!(ToWorker::decode(&job), Err(Malformed));
    }
}
