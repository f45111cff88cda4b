//! One download attempt: the request (or the one the page's start-up script already sent), its
//! body read chunk by chunk with progress, refused past the size cap, and what it tells its
//! listeners as it comes.

use super::tasks::yield_to_browser;
use crate::load::{FetchError, Limits, Progress};
use crate::network::{retry_after, retryable};
use gloo_net::http::{Request, Response};
use leptos::prelude::{set_timeout, RwSignal, Set};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A failed attempt: the error, whether another attempt may pass, and the wait the server
/// asked for before it.
pub(super) struct Failure {
    pub(super) error: FetchError,
    pub(super) transient: bool,
    pub(super) asked: Option<Duration>,
}

use crate::options::STARTED;

/// A request already under way for the widget's data: its response (a promise) and what aborts
/// it.
pub(super) struct Started {
    response: js_sys::Promise,
    controller: web_sys::AbortController,
}

/// The request the page's start-up script sent, if it is for `url`; taken once (a retry, or a
/// second load, asks anew). One for another address is aborted.
pub(super) fn started_request(url: &str) -> Option<Started> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str(STARTED);
    let left = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let field = |name: &str| js_sys::Reflect::get(&left, &name.into()).ok();
    let started = Started {
        response: field("response")?.dyn_into().ok()?,
        controller: field("controller")?.dyn_into().ok()?,
    };
    let wanted = web_sys::Url::new_with_base(url, &window.location().href().ok()?).ok()?;
    if field("url")?.as_string()? != wanted.href() {
        started.controller.abort();
        return None;
    }
    Some(started)
}

/// Who hears of a body as it comes: its declared length and Content-Type, then each chunk.
#[derive(Clone, Copy)]
pub(super) struct Body<'a> {
    pub(super) on_length: &'a dyn Fn(usize, Option<&str>),
    pub(super) on_chunk: &'a dyn Fn(&js_sys::Uint8Array),
}

impl Body<'_> {
    /// No one.
    pub(super) const IGNORED: Body<'static> = Body {
        on_length: &|_, _| {},
        on_chunk: &|_| {},
    };
}

/// One attempt; `cancel` (the widget's own signal) aborts it when the widget goes away. With
/// `started`, the attempt is the request the page already sent (answered by the time the code
/// runs, most often), read and checked the same way.
pub(super) async fn fetch_once(
    url: &str,
    limits: Limits,
    cancel: Option<&web_sys::AbortSignal>,
    progress: Option<RwSignal<Progress>>,
    body: Body<'_>,
    started: Option<Started>,
    credentials: web_sys::RequestCredentials,
) -> Result<(js_sys::Uint8Array, Option<String>), Failure> {
    // A timeout already waited long enough; other failures are transient as `retryable` says.
    let fail = |error: FetchError, status: Option<u16>| Failure {
        transient: error != FetchError::Timeout
            && error != FetchError::TooLarge
            && retryable(status),
        error,
        asked: None,
    };
    let controller =
        web_sys::AbortController::new().map_err(|_| fail(FetchError::Unreachable, None))?;
    let signal = controller.signal();
    let timer = controller.clone();
    set_timeout(move || timer.abort(), limits.timeout);
    if let Some(cancel) = cancel {
        if cancel.aborted() {
            return Err(Failure {
                transient: false,
                ..fail(FetchError::Unreachable, None)
            });
        }
        let on_cancel = controller.clone();
        let listener = wasm_bindgen::closure::Closure::once_into_js(move || on_cancel.abort());
        let _ = cancel.add_event_listener_with_callback("abort", listener.unchecked_ref());
    }
    let timed_out = |signal: &web_sys::AbortSignal| {
        if signal.aborted() {
            FetchError::Timeout
        } else {
            FetchError::Unreachable
        }
    };
    let response = match started {
        Some(started) => {
            // The widget's timeout and cancel abort the page's request too, and end the wait.
            let aborted = js_sys::Promise::new(&mut |_, reject| {
                let _ = signal.add_event_listener_with_callback("abort", &reject);
            });
            let page_request = started.controller;
            let on_abort =
                wasm_bindgen::closure::Closure::once_into_js(move || page_request.abort());
            let _ = signal.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
            let first = js_sys::Promise::race(&js_sys::Array::of2(&started.response, &aborted));
            JsFuture::from(first)
                .await
                .ok()
                .and_then(|response| response.dyn_into::<web_sys::Response>().ok())
                .map(Response::from)
                .ok_or_else(|| fail(timed_out(&signal), None))?
        }
        None => Request::get(url)
            .abort_signal(Some(&signal))
            .credentials(credentials)
            .send()
            .await
            .map_err(|_| fail(timed_out(&signal), None))?,
    };
    let status = response.status();
    match status {
        404 | 410 => return Err(fail(FetchError::NotFound, Some(status))),
        _ if !response.ok() => {
            let now = js_sys::Date::now();
            let asked = response
                .headers()
                .get("retry-after")
                .and_then(|value| retry_after(&value, now));
            controller.abort();
            return Err(Failure {
                asked,
                ..fail(FetchError::Http(status), Some(status))
            });
        }
        _ => {}
    }
    let content_type = response.headers().get("content-type");
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<usize>().ok());
    if declared.is_some_and(|length| length > limits.max_bytes) {
        controller.abort();
        return Err(fail(FetchError::TooLarge, Some(status)));
    }
    if let Some(length) = declared {
        (body.on_length)(length, content_type.as_deref());
    }
    let bytes = read_body(
        &response,
        limits.max_bytes,
        declared,
        progress,
        body.on_chunk,
    )
    .await
    .map_err(|error| {
        controller.abort();
        // A body cut off by the network may pass another time; one over the cap will not.
        fail(error.unwrap_or_else(|| timed_out(&signal)), None)
    })?;
    Ok((bytes, content_type))
}

/// How often at most the progress bar moves while a body streams in, in milliseconds.
const PROGRESS_MS: f64 = 50.0;

/// Bytes joined per task when a body's chunks are joined at its end.
const JOIN_BYTES: u32 = 8 * 1024 * 1024;

/// The body, read chunk by chunk and refused as soon as it passes `max_bytes` (a server may
/// send no length, or a false one). `Err(None)` when the stream fails (aborted or cut off).
async fn read_body(
    response: &Response,
    max_bytes: usize,
    declared: Option<usize>,
    progress: Option<RwSignal<Progress>>,
    on_chunk: &dyn Fn(&js_sys::Uint8Array),
) -> Result<js_sys::Uint8Array, Option<FetchError>> {
    let Some(stream) = response.body() else {
        return Ok(js_sys::Uint8Array::new_with_length(0));
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    // The bytes stay in JavaScript (a big file goes to a worker without passing through the
    // widget's WebAssembly memory, which never shrinks). With a declared length each chunk is
    // copied into place as it comes; else (or if the body outgrows it: a compressed transfer
    // declares its compressed length) the chunks are kept and joined at the end, a slice per
    // task, so that no single task copies a hundred megabytes.
    let mut whole = declared
        .filter(|length| *length <= max_bytes)
        .and_then(|length| u32::try_from(length).ok())
        .map(js_sys::Uint8Array::new_with_length);
    let chunks = js_sys::Array::new();
    let mut length = 0usize;
    let mut shown = f64::NEG_INFINITY;
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| None)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|done| done.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| None)?;
        let array: js_sys::Uint8Array = value.unchecked_into();
        let offset = length;
        length += array.length() as usize;
        if length > max_bytes {
            let _ = reader.cancel();
            return Err(Some(FetchError::TooLarge));
        }
        on_chunk(&array);
        match &whole {
            Some(bytes) if length <= bytes.length() as usize => bytes.set(&array, offset as u32),
            Some(bytes) => {
                chunks.push(&bytes.subarray(0, offset as u32));
                chunks.push(&array);
                whole = None;
            }
            None => {
                chunks.push(&array);
            }
        }
        // The progress bar moves at most every PROGRESS_MS: a fast download comes in hundreds
        // of chunks, and each update is work on the thread that receives them.
        if let Some(progress) = progress {
            let now = js_sys::Date::now();
            if now - shown >= PROGRESS_MS {
                shown = now;
                progress.set((length, declared));
            }
        }
    }
    if let Some(progress) = progress {
        progress.set((length, declared));
    }
    if let Some(bytes) = whole {
        return Ok(match length == bytes.length() as usize {
            true => bytes,
            false => bytes.subarray(0, length as u32),
        });
    }
    let bytes = js_sys::Uint8Array::new_with_length(length as u32);
    let (mut offset, mut copied) = (0, 0);
    for chunk in chunks.iter() {
        let chunk: js_sys::Uint8Array = chunk.unchecked_into();
        bytes.set(&chunk, offset);
        offset += chunk.length();
        copied += chunk.length();
        if copied >= JOIN_BYTES {
            copied = 0;
            yield_to_browser().await;
        }
    }
    Ok(bytes)
}
