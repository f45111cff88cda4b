//! The widget's side of the exchange: a reading worker started for a big file, the bytes passed
//! on as they come, and the result taken back.

use super::{envelope, opened};
use crate::ingest::{Expecting, SourceFormat};
use crate::load::exchange::{Action, Exchange};
use crate::load::messages::{Described, FromWorker, ToWorker};
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

/// How a reading in a worker ended (the worker's bytes given back as a typed array).
pub type Outcome = crate::load::exchange::Outcome<js_sys::Uint8Array>;

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

/// The widget's side: the exchange's state ([`Exchange`]), and what only the browser holds.
struct Shell {
    exchange: Exchange<js_sys::Uint8Array>,
    worker: web_sys::Worker,
    /// Chunks that came since the last message to the worker, and their length: passed on
    /// together once they make [`GATHER`] bytes (a server may send a file in tiny pieces).
    gathered: Vec<js_sys::Uint8Array>,
    gathered_bytes: u32,
    /// Resolves the wait for the end.
    settle: Option<js_sys::Function>,
}

impl Shell {
    /// Does what the exchange says: sends messages, marks moments, says that it ended.
    fn run(&mut self, actions: Vec<Action<js_sys::Uint8Array>>) {
        for action in actions {
            match action {
                Action::Send(header, payload) => {
                    let (message, transfer) = envelope(header, payload.as_ref());
                    let _ = self.worker.post_message_with_transfer(&message, &transfer);
                }
                Action::Mark(name) => crate::app::tasks::mark(name),
                Action::End(done) => {
                    if let Some(resolve) = self.settle.take() {
                        let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(done));
                    }
                }
            }
        }
    }
}

/// A reading worker, started as soon as a big file's length is known (so that it starts, and
/// makes room for the bytes, while they download).
pub struct Reader {
    worker: web_sys::Worker,
    shell: Rc<RefCell<Shell>>,
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
        let reserve = (length > 0).then(|| ToWorker::Reserve {
            length,
            streaming: streaming.as_ref().map(described),
        });
        let shell = Rc::new(RefCell::new(Shell {
            exchange: Exchange::new(reserve),
            worker: worker.clone(),
            gathered: Vec::new(),
            gathered_bytes: 0,
            settle: None,
        }));
        let answer = {
            let shell = Rc::clone(&shell);
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let mut shell = shell.borrow_mut();
                let actions = match opened(&event.data()) {
                    Some((header, payload)) => {
                        let message = FromWorker::decode(&header);
                        shell
                            .exchange
                            .on(message, payload, js_sys::Uint8Array::to_vec)
                    }
                    None => shell.exchange.failed(),
                };
                shell.run(actions);
            })
        };
        let failed = {
            let shell = Rc::clone(&shell);
            Closure::<dyn FnMut()>::new(move || {
                let mut shell = shell.borrow_mut();
                let actions = shell.exchange.failed();
                shell.run(actions);
            })
        };
        worker.set_onmessage(Some(answer.as_ref().unchecked_ref()));
        worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
        Some(Reader {
            worker,
            shell,
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
        let mut shell = self.shell.borrow_mut();
        shell.gathered.push(chunk.clone());
        shell.gathered_bytes += chunk.length();
        if shell.gathered_bytes >= GATHER {
            drop(shell);
            self.flush();
        }
    }

    /// Passes on the chunks gathered so far, as one copy.
    fn flush(&self) {
        let mut shell = self.shell.borrow_mut();
        let gathered = std::mem::take(&mut shell.gathered);
        let joined = js_sys::Uint8Array::new_with_length(shell.gathered_bytes);
        shell.gathered_bytes = 0;
        let mut offset = 0;
        for chunk in &gathered {
            joined.set(chunk, offset);
            offset += chunk.length();
        }
        if offset > 0 {
            let actions = shell.exchange.chunk(joined);
            shell.run(actions);
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
        let payload = (!self.streaming).then(|| job.bytes.clone());
        let finished = js_sys::Promise::new(&mut |resolve, _| {
            let mut shell = self.shell.borrow_mut();
            match shell.exchange.ended() {
                Some(done) => {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(done));
                }
                None => shell.settle = Some(resolve),
            }
        });
        {
            let mut shell = self.shell.borrow_mut();
            let actions = shell.exchange.job(request.encode(), payload);
            shell.run(actions);
        }
        if let Some(cancel) = cancel {
            let _ = cancel
                .add_event_listener_with_callback("abort", self.failed.as_ref().unchecked_ref());
        }
        let _ = JsFuture::from(finished).await;
        if let Some(cancel) = cancel {
            let _ = cancel
                .remove_event_listener_with_callback("abort", self.failed.as_ref().unchecked_ref());
        }
        // Anything lost on the way and the widget reads the file itself.
        self.shell.borrow_mut().exchange.outcome()
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        // Done, failed, or never used (the download failed or was small after all): the worker
        // ends, and its memory goes back.
        self.worker.terminate();
    }
}
