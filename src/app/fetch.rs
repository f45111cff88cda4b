//! Fetching the data file: a timeout through `AbortController`, a size cap enforced while the
//! body streams in, bounded retries with backoff (network errors, 408, 429, 5xx; `Retry-After`
//! honoured), and one error for each way it can fail, told in the reader's language.

use super::tasks::{mark, sleep, yield_to_browser};
use super::transfer::{fetch_once, started_request, Body};
use super::worker;
use crate::analysis::filter::{apply_paced, options_paced, Filter, Options, Oversee};
use crate::format::Loaded;
use crate::ingest::{Reading, Source, SourceFormat};
use crate::load::{after_worker, check_addresses, reads_in_worker, retry_wait, AfterWorker};
use crate::load::{FetchError, Limits, Progress, TIMEOUT};
use crate::model::Dataset;
use crate::pace::Stepped;
use crate::provenance::{from_manifest, verify, Verification};
use leptos::prelude::RwSignal;
use wasm_bindgen_futures::JsFuture;

use crate::ingest::ROWS_PER_STEP;
/// Steps run back to back for this long before the browser gets the main thread back (with a
/// step's few milliseconds and the browser's own work, tasks stay well under 100 ms).
const SLICE_MS: f64 = 30.0;
/// Units of work ([`Stepped`]: about a package each) between two looks at the clock.
const UNITS_PER_STEP: usize = 1_000;

/// What a load gives: the data, and what can be said of its integrity when a hash was
/// published for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// The data (shared: the resource holding it hands out copies of this, not of the data).
    pub loaded: std::sync::Arc<Loaded>,
    /// The check against the published SHA-256, if one was published.
    pub verification: Option<Verification>,
    /// What the reader can choose from.
    pub options: Options,
    /// The dataset as the filter the widget started with narrows it.
    pub first: (Filter, Dataset),
}

/// The data file the widget is asked to show, and how to load it.
#[derive(Debug, Clone)]
pub struct DataSource {
    /// Its address.
    pub url: String,
    /// The format the page insists on, if any.
    pub format: Option<SourceFormat>,
    /// Timeout and size cap.
    pub limits: Limits,
    /// Its published SHA-256, if any.
    pub published: Published,
    /// The widget's own page (where the worker's files are), if not the document's.
    pub page: Option<String>,
    /// Whether the widget owns its page, whose start-up script may have sent the request already.
    pub in_page: bool,
    /// Whether the page asked for the reader's cookies with requests to its own origin
    /// (`credentials`).
    pub credentials: bool,
    /// The picture shown in the widget's place, if any: it goes as soon as the data received
    /// is known not to be the data it was drawn from.
    pub snapshot: Option<super::snapshot::Snapshot>,
}

/// The credentials mode of a request to `url`: the reader's cookies go with it only when it is
/// on the document's own origin and the page asked for them. A request to another origin in
/// `same-origin` mode carries none either; that mode is kept there so that a preload of the
/// data (`embed.js`) matches the request.
fn credentials_for(url: &str, asked: bool) -> web_sys::RequestCredentials {
    let same_origin = web_sys::window()
        .and_then(|window| {
            let here = window.location().href().ok()?;
            let target = web_sys::Url::new_with_base(url, &here).ok()?;
            Some(target.origin() == web_sys::Url::new(&here).ok()?.origin())
        })
        .unwrap_or(true);
    match crate::network::sends_cookies(same_origin, asked) {
        true => web_sys::RequestCredentials::SameOrigin,
        false if same_origin => web_sys::RequestCredentials::Omit,
        false => web_sys::RequestCredentials::SameOrigin,
    }
}

/// `address` made absolute against the document's address.
fn absolute(address: &str) -> Option<String> {
    let here = web_sys::window()?.location().href().ok()?;
    Some(web_sys::Url::new_with_base(address, &here).ok()?.href())
}

/// Where a publisher states the data file's SHA-256.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Published {
    /// The hash itself (`sha256` parameter).
    pub sha256: Option<String>,
    /// A manifest that lists it (`manifest` parameter).
    pub manifest: Option<String>,
}

/// The SHA-256 of `bytes` in lower-case hex, by the browser's own implementation; `None` where
/// the browser offers none (a page not served over HTTPS or from localhost).
async fn sha256(bytes: &js_sys::Uint8Array) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", bytes)
        .ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    Some(crate::provenance::hex(
        &js_sys::Uint8Array::new(&digest).to_vec(),
    ))
}

/// Checks `bytes` against what was published for the file at `url`; `received` is their
/// SHA-256 when already computed (for a snapshot's check).
async fn verify_bytes(
    bytes: &js_sys::Uint8Array,
    url: &str,
    published: &Published,
    credentials: bool,
    received: Option<String>,
) -> Option<Verification> {
    let stated = match (&published.sha256, &published.manifest) {
        (Some(hash), _) => Some(hash.clone()),
        (None, Some(manifest)) => {
            let limits = Limits {
                timeout: TIMEOUT,
                max_bytes: 1024 * 1024,
            };
            let mode = credentials_for(manifest, credentials);
            let fetched = fetch_once(manifest, limits, None, None, Body::IGNORED, None, mode);
            match (fetched.await, absolute(manifest), absolute(url)) {
                (Ok((text, _)), Some(manifest), Some(url)) => {
                    from_manifest(&String::from_utf8_lossy(&text.to_vec()), &manifest, &url)
                }
                _ => None,
            }
        }
        (None, None) => return None,
    };
    let received = match received {
        Some(hash) => Some(hash),
        None => sha256(bytes).await,
    };
    Some(verify(stated.as_deref(), received.as_deref()))
}

/// Fetches and reads the file at `url` (its format detected, unless `format` says), trying
/// again after transient failures, and checks it against a published hash.
pub async fn fetch_dataset(
    source: DataSource,
    cancel: Option<web_sys::AbortSignal>,
    progress: RwSignal<Progress>,
    filter: Filter,
) -> Result<Fetched, FetchError> {
    let DataSource {
        url,
        format,
        limits,
        published,
        page,
        in_page,
        credentials,
        snapshot,
    } = source;
    let (stated, manifest) = (published.sha256.as_deref(), published.manifest.as_deref());
    check_addresses(&url, stated, manifest)?;
    let mode = credentials_for(&url, credentials);
    let mut attempt = 0;
    let mut started = in_page.then(|| started_request(&url)).flatten();
    let current_year = js_sys::Date::new_0().get_full_year() as i32;
    // A big file's reading worker starts as soon as its length is known, and has the bytes as
    // they come: it reads them while the rest downloads.
    let reader: std::cell::RefCell<Option<worker::Reader>> = Default::default();
    let start_reader = |length: usize, content_type: Option<&str>| {
        let mut reader = reader.borrow_mut();
        if reader.is_none() && reads_in_worker(length) {
            let streaming = crate::ingest::Expecting {
                content_type: content_type.map(str::to_owned),
                format,
                address: url.clone(),
                current_year,
                length: Some(length),
            };
            *reader = worker::Reader::start(page.as_deref(), length as u32, Some(streaming));
        }
    };
    let pass_on = |chunk: &js_sys::Uint8Array| {
        if let Some(reader) = reader.borrow().as_ref() {
            reader.pass(chunk);
        }
    };
    let (bytes, content_type) = loop {
        let attempt_once = fetch_once(
            &url,
            limits,
            cancel.as_ref(),
            Some(progress),
            Body {
                on_length: &start_reader,
                on_chunk: &pass_on,
            },
            started.take(),
            mode,
        );
        match attempt_once.await {
            Ok(body) => break body,
            Err(failure) => {
                // A worker that had some of the bytes goes with them; another attempt starts anew.
                reader.borrow_mut().take();
                let jitter = js_sys::Math::random();
                match retry_wait(attempt, failure.transient, failure.asked, jitter) {
                    Some(wait) => sleep(wait).await,
                    None => return Err(failure.error),
                }
                attempt += 1;
            }
        }
    };
    mark("pantau-pbj:received");
    // The bytes are hashed once, for a snapshot's check and the published hash's alike.
    let mut received = None;
    if let Some(snapshot) = snapshot.filter(|snapshot| snapshot.recorded().is_some()) {
        received = sha256(&bytes).await;
        snapshot.data_received(received.as_deref());
    }
    let mut verification = verify_bytes(&bytes, &url, &published, credentials, received).await;
    // A big file is read in a Web Worker, ended after (its memory with it); the widget only
    // decodes the packages, a batch at a time.
    let mut from_worker = None;
    let mut bytes = bytes;
    let in_worker = reads_in_worker(bytes.length() as usize);
    let reader = reader.into_inner().or_else(|| {
        in_worker
            .then(|| worker::Reader::start(page.as_deref(), 0, None))
            .flatten()
    });
    if let Some(reader) = reader.filter(|_| in_worker) {
        let job = worker::Job {
            bytes: &bytes,
            content_type: content_type.as_deref(),
            format,
            address: &url,
            current_year,
        };
        let outcome = reader.read(job, cancel.as_ref()).await;
        match after_worker(outcome, bytes, |bytes| bytes.length() as usize) {
            AfterWorker::Read(result) => {
                from_worker = Some(*result);
                bytes = js_sys::Uint8Array::new_with_length(0);
            }
            AfterWorker::ReadOnPage(left) => bytes = left,
            AfterWorker::FetchAgain => {
                // The bytes went to a worker that failed: fetched again (likely from the cache)
                // and read here.
                bytes = fetch_once(
                    &url,
                    limits,
                    cancel.as_ref(),
                    Some(progress),
                    Body::IGNORED,
                    None,
                    mode,
                )
                .await
                .map_err(|failure| failure.error)?
                .0;
                // Other bytes than the first download's: checked again, never vouched for by the
                // first check.
                verification = verify_bytes(&bytes, &url, &published, credentials, None).await;
            }
        }
    }
    let mut slice_started = js_sys::Date::now();
    let loaded = match from_worker {
        Some(result) => result.map_err(FetchError::Load)?,
        None => {
            let source = Source {
                bytes: bytes.to_vec().into(),
                content_type: content_type.as_deref(),
                format,
                address: &url,
                current_year,
            };
            drop(bytes);
            read_on_page(source, &mut slice_started).await?
        }
    };
    mark("pantau-pbj:read");
    let (loaded, options, first) = first_figures(loaded, &filter, &mut slice_started).await;
    Ok(Fetched {
        loaded,
        verification,
        options,
        first: (filter, first),
    })
}

/// Reads `source` on the widget's thread, in batches: the browser gets the main thread back
/// between them (to paint, scroll, answer the reader).
async fn read_on_page(source: Source<'_>, slice_started: &mut f64) -> Result<Loaded, FetchError> {
    mark("pantau-pbj:read-on-page");
    let mut reading = Reading::sliced(source);
    loop {
        if let Some(result) = reading.step(ROWS_PER_STEP) {
            return result.map_err(FetchError::Load);
        }
        if js_sys::Date::now() - *slice_started > SLICE_MS {
            yield_to_browser().await;
            *slice_started = js_sys::Date::now();
        }
    }
}

/// The filter choices and the first figures of `loaded`, computed in slices of their own (a
/// large dataset's take tens of milliseconds), then a task for the dashboard.
async fn first_figures(
    loaded: Loaded,
    filter: &Filter,
    slice_started: &mut f64,
) -> (std::sync::Arc<Loaded>, Options, Dataset) {
    let loaded = std::sync::Arc::new(loaded);
    let shared = std::sync::Arc::clone(&loaded);
    let options = in_slices(
        Stepped::new(|pace| async move { options_paced(&shared.dataset, &pace).await }),
        slice_started,
    )
    .await;
    let (shared, wanted) = (std::sync::Arc::clone(&loaded), filter.clone());
    let first = in_slices(
        Stepped::new(|pace| async move {
            apply_paced(&shared.dataset, &wanted, &pace, Oversee::No).await
        }),
        slice_started,
    )
    .await;
    // The dashboard is built in a task of its own when this one has already run a while (a
    // small file's figures take a millisecond: no wait for those).
    if js_sys::Date::now() - *slice_started > SLICE_MS / 4.0 {
        yield_to_browser().await;
    }
    (loaded, options, first)
}

/// Work done in steps, with the browser given its thread back each `SLICE_MS`.
async fn in_slices<T: 'static>(mut work: Stepped<T>, slice_started: &mut f64) -> T {
    loop {
        if let Some(result) = work.step(UNITS_PER_STEP) {
            return result;
        }
        if js_sys::Date::now() - *slice_started > SLICE_MS {
            yield_to_browser().await;
            *slice_started = js_sys::Date::now();
        }
    }
}
