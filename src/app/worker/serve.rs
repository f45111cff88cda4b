//! The worker's side of the exchange: it makes room for the bytes when told their length,
//! reads them as they come or when the job comes, and sends the result back.

use super::{envelope, opened};
use crate::ingest::{warm, wire, Expecting, Progressive, Reading, Source, ROWS_PER_STEP};
use crate::load::messages::{Described, FromWorker, ToWorker};
use crate::model::Package;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Packages per batch the worker sends.
const BATCH: usize = 10_000;

/// Sends the worker's `message` to the widget.
fn reply(
    replies: &web_sys::DedicatedWorkerGlobalScope,
    message: FromWorker,
    payload: Option<&js_sys::Uint8Array>,
) {
    let (message, transfer) = envelope(message.encode(), payload);
    let _ = replies.post_message_with_transfer(&message, &transfer);
}

/// For how long at most the worker reads made-up files while the real one downloads.
const WARM_MS: f64 = 60.0;

thread_local! {
    /// Room made for the bytes while they download (touched, so that the memory is there).
    static ROOM: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Whether the job (or the first bytes of it) came: the warm-up then stops.
    static JOB_CAME: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The file read as its bytes come, with how many packages were sent and whether the
    /// estimate was.
    static STREAM: RefCell<Option<Stream>> = const { RefCell::new(None) };
}

/// Worker side of a file read as its bytes come.
struct Stream {
    reading: Progressive,
    sent: Sent,
}

/// What of a reading has gone to the widget: how many packages, and whether the estimate.
#[derive(Default)]
struct Sent {
    packages: usize,
    expected: bool,
}

impl Sent {
    /// Sends the packages `read` so far that make whole batches (and, with the first, how many
    /// are likely to come: `expected`); if the reading started over (fewer than were sent),
    /// tells the widget to drop those it has.
    fn pass_on(
        &mut self,
        replies: &web_sys::DedicatedWorkerGlobalScope,
        read: &[Package],
        expected: impl FnOnce() -> Option<usize>,
    ) {
        if read.len() < self.packages {
            reply(replies, FromWorker::Reset, None);
            self.packages = 0;
        }
        if !self.expected && read.len() >= BATCH {
            // How many are likely to come, so that the widget makes room for them once.
            if let Some(expected) = expected() {
                reply(replies, FromWorker::Expect(expected as u64), None);
                self.expected = true;
            }
        }
        while read.len() - self.packages >= BATCH {
            send_packages(replies, &read[self.packages..self.packages + BATCH]);
            self.packages += BATCH;
        }
    }
}

/// Worker side: makes room for the bytes when told their length, then waits for one job, reads
/// it and sends the result back.
pub fn serve() {
    crate::app::tasks::seed_hashes();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_job =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some((header, payload)) = opened(&event.data()) else {
                return reply(&replies, FromWorker::Lost, None);
            };
            match ToWorker::decode(&header) {
                // The bytes will come as they download: read as they come.
                Ok(ToWorker::Reserve {
                    length,
                    streaming: Some(described),
                }) => {
                    STREAM.set(Some(Stream {
                        reading: Progressive::new(Expecting {
                            content_type: described.content_type,
                            format: described.format,
                            address: described.address,
                            current_year: described.current_year,
                            length: Some(length as usize),
                        }),
                        sent: Sent::default(),
                    }));
                    warm_up();
                }
                Ok(ToWorker::Reserve {
                    length,
                    streaming: None,
                }) => {
                    ROOM.with(|room| {
                        let mut room = room.borrow_mut();
                        room.clear();
                        room.resize(length as usize, 1);
                    });
                    warm_up();
                }
                Ok(ToWorker::Chunk) => {
                    JOB_CAME.set(true);
                    STREAM.with(|stream| {
                        if let (Some(Stream { reading, sent }), Some(chunk)) =
                            (stream.borrow_mut().as_mut(), &payload)
                        {
                            reading.push(&chunk.to_vec());
                            sent.pass_on(&replies, reading.packages(), || reading.expected());
                        }
                    });
                }
                Ok(ToWorker::Job {
                    described,
                    streamed,
                }) => {
                    JOB_CAME.set(true);
                    answer(&replies, described, streamed, payload);
                }
                // Not a message of the exchange: the widget reads the file itself.
                Err(_) => reply(&replies, FromWorker::Lost, None),
            }
        });
    scope.set_onmessage(Some(on_job.as_ref().unchecked_ref()));
    // The worker lives for one job and is then ended: its handler with it.
    on_job.forget();
    reply(&scope, FromWorker::Ready, None);
}

/// Reads small made-up files (CSV, then JSON Lines) a tick at a time while the real file
/// downloads, so that the browser has optimised the reading code by the time it comes; stops
/// when the job comes or after [`WARM_MS`].
fn warm_up() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let (csv, lines) = (warm::csv(200), warm::json_lines(20));
    let started = js_sys::Date::now();
    let port = channel.port2();
    let tick = Closure::<dyn FnMut()>::new(move || {
        if JOB_CAME.get() || js_sys::Date::now() - started > WARM_MS {
            return;
        }
        for text in [&csv, &lines] {
            if let Some(loaded) = warm::read(text, ROWS_PER_STEP) {
                let mut bytes = Vec::new();
                wire::encode_packages(&loaded.dataset.packages, &mut bytes);
                std::hint::black_box(bytes);
            }
        }
        let _ = port.post_message(&JsValue::NULL);
    });
    channel
        .port1()
        .set_onmessage(Some(tick.as_ref().unchecked_ref()));
    // The worker lives for one job: the ticks' handler with it.
    tick.forget();
    let _ = channel.port2().post_message(&JsValue::NULL);
}

/// Reads the job's file (its bytes the payload, or the bytes that came as it downloaded) and
/// sends the result back: packages in batches, then the head; or the bytes, for the widget to
/// read itself.
fn answer(
    replies: &web_sys::DedicatedWorkerGlobalScope,
    described: Described,
    streamed: bool,
    array: Option<js_sys::Uint8Array>,
) {
    let stream = STREAM.take();
    let (mut reading, mut sent) = match (streamed, stream) {
        // The bytes came as they downloaded, and what came is read: the rest is read here.
        (true, Some(Stream { reading, sent })) => (reading.finish(), sent),
        (true, None) => {
            // Nothing came here: the widget reads the file itself.
            return reply(replies, FromWorker::Lost, None);
        }
        (false, _) => {
            let mut bytes = ROOM.with(|room| std::mem::take(&mut *room.borrow_mut()));
            match &array {
                Some(array) => {
                    bytes.resize(array.length() as usize, 0);
                    array.copy_to(&mut bytes);
                }
                None => bytes.clear(),
            }
            let reading = Reading::start(Source {
                bytes: bytes.into(),
                content_type: described.content_type.as_deref(),
                format: described.format,
                address: &described.address,
                current_year: described.current_year,
            });
            (reading, Sent::default())
        }
    };
    // Step by step, as on the main thread: WebAssembly code is optimised between calls, not
    // inside one long call, so one call for the whole file would run unoptimised. Each batch of
    // packages goes as soon as it is read: the widget decodes it while this reads on.
    let result = loop {
        if let Some(result) = reading.step(ROWS_PER_STEP) {
            break result;
        }
        sent.pass_on(replies, reading.packages(), || reading.expected());
    };
    if !wire::crosses(&result) {
        // The widget reads this one itself: its bytes go back to it.
        let bytes = array.unwrap_or_else(|| js_sys::Uint8Array::new_with_length(0));
        return reply(replies, FromWorker::Back, Some(&bytes));
    }
    if let Ok(loaded) = &result {
        let rest = loaded
            .dataset
            .packages
            .get(sent.packages..)
            .unwrap_or_default();
        for batch in rest.chunks(BATCH) {
            send_packages(replies, batch);
        }
    }
    // The head last: it says how many packages there are in all.
    let head = js_sys::Uint8Array::from(&wire::encode_head(&result)[..]);
    reply(replies, FromWorker::Head, Some(&head));
    reply(replies, FromWorker::Done, None);
}

/// Sends `packages` to the widget (the buffer moves: no copy on the way).
fn send_packages(replies: &web_sys::DedicatedWorkerGlobalScope, packages: &[Package]) {
    let mut bytes = Vec::new();
    wire::encode_packages(packages, &mut bytes);
    let array = js_sys::Uint8Array::from(&bytes[..]);
    reply(replies, FromWorker::Packages, Some(&array));
}
