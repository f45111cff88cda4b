//! Reading big files in a Web Worker: the file's text and the reader's memory live in the
//! worker, which is ended when the reading is done (WebAssembly memory never shrinks, so this is
//! the only way to give it back), and the page's main thread only decodes the packages, a batch
//! at a time, while the worker reads on. Both sides of the exchange are here;
//! `src/bin/pantau-ingest.rs` starts the worker side. The script embed on another origin starts
//! it from a `blob:` script that loads the worker's files; where no worker can start (a policy
//! that forbids it), the widget reads on its own thread.
//!
//! The exchange: the worker is started as soon as the file's length is known and says `ready`;
//! the widget tells it the length (`{reserve}`: it makes room while the file downloads), then
//! sends the job (the bytes, which move to the worker, and what is known of them); the worker
//! answers `{main: bytes}` (read it yourself: a Pantau file with ready-made sections; the bytes
//! move back), or `{expect}` (how many packages will likely come) and the packages in batches
//! as they are read (binary, [`wire::encode_packages`]), then `{head}` ([`wire::Head`]: what
//! else was read, and how many packages) and `done`.

use crate::format::{LoadError, Loaded};
use crate::ingest::{warm, wire, Expecting, Progressive, Reading, Source, SourceFormat};
use crate::load::messages::{Described, FromWorker, ToWorker};
use crate::model::Package;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker's start-up script, beside the widget's files.
const LOADER: &str = "pantau-ingest_loader.js";
use crate::ingest::ROWS_PER_STEP;
/// Packages per batch the worker sends.
const BATCH: usize = 10_000;
/// Bytes passed on to the worker at least per message while a file downloads.
const GATHER: u32 = 64 * 1024;

/// A message of the exchange as it travels: its header ([`crate::load::messages`]) and its
/// payload, if any, whose buffer moves with it (no copy).
fn envelope(
    header: Vec<u8>,
    payload: Option<&js_sys::Uint8Array>,
) -> (js_sys::Array, js_sys::Array) {
    let message = js_sys::Array::of1(&js_sys::Uint8Array::from(&header[..]));
    let transfer = js_sys::Array::new();
    if let Some(payload) = payload {
        message.push(payload);
        transfer.push(&payload.buffer());
    }
    (message, transfer)
}

/// The header and payload of a message; `None` for anything that is not one.
fn opened(data: &JsValue) -> Option<(Vec<u8>, Option<js_sys::Uint8Array>)> {
    let message = data.dyn_ref::<js_sys::Array>()?;
    let header = message
        .get(0)
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?
        .to_vec();
    let payload = message.get(1).dyn_into::<js_sys::Uint8Array>().ok();
    Some((header, payload))
}

/// Sends the worker's `message` to the widget.
fn reply(
    replies: &web_sys::DedicatedWorkerGlobalScope,
    message: FromWorker,
    payload: Option<&js_sys::Uint8Array>,
) {
    let (message, transfer) = envelope(message.encode(), payload);
    let _ = replies.post_message_with_transfer(&message, &transfer);
}

/// What the widget knows of the bytes, as the messages say it.
fn described(expecting: &Expecting) -> Described {
    Described {
        content_type: expecting.content_type.clone(),
        format: expecting.format,
        address: expecting.address.clone(),
        current_year: expecting.current_year,
    }
}

/// How a reading in a worker ended.
pub enum Outcome {
    /// Read (or refused: what the file is not), as the widget would have read it itself.
    Read(Box<Result<Loaded, LoadError>>),
    /// The worker gave the bytes back, for the widget to read (a Pantau file with ready-made
    /// sections).
    Back(js_sys::Uint8Array),
    /// The worker failed or the widget went away; if the bytes had moved to the worker they are
    /// gone (the widget's array is then empty).
    Failed,
}

/// What the widget knows of the bytes it hands over.
pub struct Job<'a> {
    /// The file.
    pub bytes: &'a js_sys::Uint8Array,
    /// Its Content-Type.
    pub content_type: Option<&'a str>,
    /// A format the page insists on.
    pub format: Option<SourceFormat>,
    /// Its address.
    pub address: &'a str,
    /// The year of rows that say none.
    pub current_year: i32,
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
    super::tasks::seed_hashes();
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

/// Starts a worker from the widget's files (`page`, else the document's address); `None` where
/// none can start.
fn spawn(page: Option<&str>) -> Option<web_sys::Worker> {
    let base = match page {
        Some(page) => page.to_owned(),
        None => web_sys::window()?.location().href().ok()?,
    };
    let url = web_sys::Url::new_with_base(LOADER, &base).ok()?.href();
    // A worker script must come from the document's own origin. The script embed on another
    // origin starts one from a script of its own making (a `blob:` address, of the host's
    // origin) that loads the widget's worker files from their origin (CORS, as the script
    // embed already needs); where the host's policy forbids that too, the widget reads on its
    // own thread.
    web_sys::Worker::new(&url)
        .ok()
        .or_else(|| spawn_from_blob(&url))
}

/// A worker whose script, made here, loads the worker's files from `loader`'s folder.
fn spawn_from_blob(loader: &str) -> Option<web_sys::Worker> {
    let folder = &loader[..loader.rfind('/')? + 1];
    // Quoted by the browser's JSON (no serialiser in the widget's code for two strings).
    let quoted = |text: &str| {
        js_sys::JSON::stringify(&JsValue::from_str(text))
            .ok()
            .map(String::from)
    };
    let source = format!(
        "self.__pantauBase = {};\nimportScripts({});\n",
        quoted(folder)?,
        quoted(loader)?
    );
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&JsValue::from_str(&source));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let address = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker = web_sys::Worker::new(&address).ok();
    // The worker has fetched its script long before this; the address goes.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&address);
        },
        std::time::Duration::from_secs(60),
    );
    worker
}

/// What the widget's side of the exchange knows so far.
#[derive(Default)]
struct Exchange {
    /// The worker said it is ready.
    ready: bool,
    /// The job, once the bytes are in, with the buffer that moves with it.
    job: Option<(js_sys::Array, js_sys::Array)>,
    /// The packages decoded so far (`None` once a batch could not be decoded).
    packages: Option<Vec<Package>>,
    /// The head, once it came.
    head: Option<Vec<u8>>,
    /// The bytes the worker gave back, if it did.
    back: Option<js_sys::Uint8Array>,
    /// Bytes that came before the worker was ready, to be passed on then.
    early: Vec<js_sys::Uint8Array>,
    /// Chunks that came since the last message to the worker, and their length: passed on
    /// together once they make [`GATHER`] bytes (a server may send a file in tiny pieces).
    gathered: Vec<js_sys::Uint8Array>,
    gathered_bytes: u32,
    /// How it ended: `Some(true)` when the worker is done.
    ended: Option<bool>,
    /// Resolves the wait for the end.
    settle: Option<js_sys::Function>,
}

impl Exchange {
    /// Passes `chunk` (a copy, which moves) on to the worker, or keeps it until it is ready.
    fn pass(&mut self, worker: &web_sys::Worker, chunk: js_sys::Uint8Array) {
        if !self.ready {
            return self.early.push(chunk);
        }
        let (message, transfer) = envelope(ToWorker::Chunk.encode(), Some(&chunk));
        let _ = worker.post_message_with_transfer(&message, &transfer);
    }

    fn end(&mut self, done: bool) {
        self.ended.get_or_insert(done);
        if let Some(resolve) = self.settle.take() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(done));
        }
    }

    /// Sends the job if both it and the worker are ready.
    fn send(&mut self, worker: &web_sys::Worker) {
        if self.ready {
            if let Some((request, transfer)) = self.job.take() {
                let _ = worker.post_message_with_transfer(&request, &transfer);
            }
        }
    }
}

/// A reading worker, started as soon as a big file's length is known (so that it starts, and
/// makes room for the bytes, while they download).
pub struct Reader {
    worker: web_sys::Worker,
    exchange: Rc<RefCell<Exchange>>,
    /// Whether the bytes go to the worker as they come ([`Reader::pass`]).
    streaming: bool,
    _answer: Closure<dyn FnMut(web_sys::MessageEvent)>,
    failed: Closure<dyn FnMut()>,
}

impl Reader {
    /// Starts a worker that makes room for `length` bytes, and reads them as they come if told
    /// what they are (`streaming`); `None` where none can start.
    pub fn start(page: Option<&str>, length: u32, streaming: Option<Expecting>) -> Option<Reader> {
        let worker = spawn(page)?;
        let is_streaming = streaming.is_some() && length > 0;
        let exchange = Rc::new(RefCell::new(Exchange {
            packages: Some(Vec::new()),
            ..Exchange::default()
        }));
        let answer = {
            let (exchange, sender) = (Rc::clone(&exchange), worker.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let mut exchange = exchange.borrow_mut();
                let Some((header, payload)) = opened(&event.data()) else {
                    return exchange.end(false);
                };
                match FromWorker::decode(&header) {
                    Ok(FromWorker::Ready) => {
                        super::tasks::mark("pantau-pbj:worker-ready");
                        exchange.ready = true;
                        if length > 0 {
                            let reserve = ToWorker::Reserve {
                                length,
                                streaming: streaming.as_ref().map(described),
                            };
                            let (message, transfer) = envelope(reserve.encode(), None);
                            let _ = sender.post_message_with_transfer(&message, &transfer);
                        }
                        for chunk in std::mem::take(&mut exchange.early) {
                            exchange.pass(&sender, chunk);
                        }
                        exchange.send(&sender);
                    }
                    Ok(FromWorker::Reset) => {
                        // The worker started its reading over: what it sent so far is dropped.
                        if let Some(packages) = exchange.packages.as_mut() {
                            packages.clear();
                        }
                    }
                    Ok(FromWorker::Done) => {
                        super::tasks::mark("pantau-pbj:worker-done");
                        exchange.end(true);
                    }
                    Ok(FromWorker::Packages) => {
                        // A batch of packages, decoded while the worker reads on.
                        if exchange.packages.as_ref().is_some_and(Vec::is_empty) {
                            super::tasks::mark("pantau-pbj:first-batch");
                        }
                        let decoded =
                            payload.and_then(|batch| wire::decode_packages(&batch.to_vec()));
                        match (exchange.packages.as_mut(), decoded) {
                            (Some(packages), Some(decoded)) => packages.extend(decoded),
                            _ => exchange.packages = None,
                        }
                    }
                    Ok(FromWorker::Expect(expected)) => {
                        if let Some(packages) = exchange.packages.as_mut() {
                            let expected = usize::try_from(expected).unwrap_or(usize::MAX);
                            packages.reserve(expected.min(crate::format::MAX_PACKAGES));
                        }
                    }
                    Ok(FromWorker::Head) => exchange.head = payload.map(|head| head.to_vec()),
                    Ok(FromWorker::Back) => {
                        exchange.back = payload;
                        exchange.end(false);
                    }
                    // Lost, or not a message of the exchange: the widget reads the file itself.
                    Ok(FromWorker::Lost) | Err(_) => exchange.end(false),
                }
            })
        };
        let failed = {
            let exchange = Rc::clone(&exchange);
            Closure::<dyn FnMut()>::new(move || exchange.borrow_mut().end(false))
        };
        worker.set_onmessage(Some(answer.as_ref().unchecked_ref()));
        worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
        Some(Reader {
            worker,
            exchange,
            streaming: is_streaming,
            _answer: answer,
            failed,
        })
    }

    /// Passes a chunk of the file on as it comes (copied: the widget keeps its bytes), if the
    /// worker reads them as they come; small chunks go together.
    pub fn pass(&self, chunk: &js_sys::Uint8Array) {
        if !self.streaming {
            return;
        }
        let mut exchange = self.exchange.borrow_mut();
        exchange.gathered.push(chunk.clone());
        exchange.gathered_bytes += chunk.length();
        if exchange.gathered_bytes >= GATHER {
            drop(exchange);
            self.flush();
        }
    }

    /// Passes on the chunks gathered so far, as one copy.
    fn flush(&self) {
        let mut exchange = self.exchange.borrow_mut();
        let gathered = std::mem::take(&mut exchange.gathered);
        let joined = js_sys::Uint8Array::new_with_length(exchange.gathered_bytes);
        exchange.gathered_bytes = 0;
        let mut offset = 0;
        for chunk in &gathered {
            joined.set(chunk, offset);
            offset += chunk.length();
        }
        if offset > 0 {
            exchange.pass(&self.worker, joined);
        }
    }

    /// Hands `job`'s bytes to the worker (they move there: no copy), or says that all came if
    /// it had them as they came, and waits for it.
    pub async fn read(self, job: Job<'_>, cancel: Option<&web_sys::AbortSignal>) -> Outcome {
        let described = Described {
            content_type: job.content_type.map(str::to_owned),
            format: job.format,
            address: job.address.to_owned(),
            current_year: job.current_year,
        };
        if self.streaming {
            self.flush();
        }
        let request = ToWorker::Job {
            described,
            streamed: self.streaming,
        };
        let payload = (!self.streaming).then_some(job.bytes);
        let (request, transfer) = envelope(request.encode(), payload);
        let finished = js_sys::Promise::new(&mut |resolve, _| {
            let mut exchange = self.exchange.borrow_mut();
            match exchange.ended {
                Some(done) => {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(done));
                }
                None => exchange.settle = Some(resolve),
            }
        });
        {
            let mut exchange = self.exchange.borrow_mut();
            exchange.job = Some((request, transfer));
            exchange.send(&self.worker);
        }
        if let Some(cancel) = cancel {
            let _ = cancel
                .add_event_listener_with_callback("abort", self.failed.as_ref().unchecked_ref());
        }
        let read = JsFuture::from(finished)
            .await
            .is_ok_and(|done| done.is_truthy());
        if let Some(cancel) = cancel {
            let _ = cancel
                .remove_event_listener_with_callback("abort", self.failed.as_ref().unchecked_ref());
        }
        let mut exchange = self.exchange.borrow_mut();
        if let Some(bytes) = exchange.back.take() {
            return Outcome::Back(bytes);
        }
        let head = exchange
            .head
            .take()
            .and_then(|head| wire::decode_head(&head));
        match (read, head, exchange.packages.take()) {
            (true, Some(head), Some(packages)) => {
                let count = match &head {
                    wire::Head::Read { packages, .. } => *packages,
                    wire::Head::Failed(_) => 0,
                };
                // Anything lost on the way and the widget reads the file itself.
                match packages.len() == count {
                    true => Outcome::Read(Box::new(wire::rebuild(head, packages))),
                    false => Outcome::Failed,
                }
            }
            _ => Outcome::Failed,
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        // Done, failed, or never used (the download failed or was small after all): the worker
        // ends, and its memory goes back.
        self.worker.terminate();
    }
}
