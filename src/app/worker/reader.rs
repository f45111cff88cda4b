//! The widget's side of the exchange: a reading worker started for a big file, the bytes passed
//! on as they come, and the result taken back.

use super::{envelope, opened};
use crate::format::{LoadError, Loaded};
use crate::ingest::{wire, Expecting, SourceFormat};
use crate::load::messages::{Described, FromWorker, ToWorker};
use crate::model::Package;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker's start-up script, beside the widget's files.
const LOADER: &str = "pantau-ingest_loader.js";
/// Bytes passed on to the worker at least per message while a file downloads.
const GATHER: u32 = 64 * 1024;

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
                        crate::app::tasks::mark("pantau-pbj:worker-ready");
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
                        crate::app::tasks::mark("pantau-pbj:worker-done");
                        exchange.end(true);
                    }
                    Ok(FromWorker::Packages) => {
                        // A batch of packages, decoded while the worker reads on.
                        if exchange.packages.as_ref().is_some_and(Vec::is_empty) {
                            crate::app::tasks::mark("pantau-pbj:first-batch");
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
