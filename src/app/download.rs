//! Downloads of a panel: its numbers as CSV, its chart as SVG and as PNG at twice the size.
//! Files are made in the page (blob addresses, allowed by `img-src blob:`), never fetched.

use crate::chart::theme::Theme;
use crate::chart::Locale;
use crate::i18n::Text;
use crate::views::export::{chart_svg, file_name, table_csv, DOWNLOAD_WIDTH};
use crate::views::Panel;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A blob of `text` with `mime`.
fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Saves `text` as a CSV file named `name`.
pub(super) fn save_csv(text: &str, name: &str) {
    if let Some(blob) = blob(text, "text/csv;charset=utf-8") {
        save(&blob, name);
    }
}

/// Saves `blob` as `name` through a temporary link; the address is released afterwards.
fn save(blob: &web_sys::Blob, name: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(address) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&address);
        link.set_download(name);
        link.click();
    }
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&address);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Draws `svg` on a canvas at twice its size and saves it as PNG; `failed` is called once if
/// the picture cannot be made (an image the browser will not decode, a canvas it will not
/// give, a blob it will not write), so that the reader is told instead of left waiting.
fn save_png(svg: String, width: u32, height: u32, name: String, failed: impl Fn() + 'static) {
    let failed = std::rc::Rc::new(failed);
    let fail = {
        let failed = std::rc::Rc::clone(&failed);
        move || failed()
    };
    let (Some(document), Some(source)) = (
        web_sys::window().and_then(|window| window.document()),
        blob(&svg, "image/svg+xml"),
    ) else {
        return fail();
    };
    let (Ok(image), Ok(address)) = (
        web_sys::HtmlImageElement::new(),
        web_sys::Url::create_object_url_with_blob(&source),
    ) else {
        return fail();
    };
    let loaded = image.clone();
    let source_address = address.clone();
    let on_load_failed = std::rc::Rc::clone(&failed);
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source_address);
        let canvas = document
            .create_element("canvas")
            .ok()
            .and_then(|element| element.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let context = canvas.as_ref().and_then(|canvas| {
            canvas.set_width(width * 2);
            canvas.set_height(height * 2);
            canvas
                .get_context("2d")
                .ok()
                .flatten()?
                .dyn_into::<web_sys::CanvasRenderingContext2d>()
                .ok()
        });
        let (Some(canvas), Some(context)) = (canvas, context) else {
            return on_load_failed();
        };
        let drawn = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            f64::from(width * 2),
            f64::from(height * 2),
        );
        if drawn.is_err() {
            return on_load_failed();
        }
        let on_blob_failed = std::rc::Rc::clone(&on_load_failed);
        let on_blob = Closure::once_into_js(move |png: Option<web_sys::Blob>| match png {
            Some(png) => save(&png, &name),
            None => on_blob_failed(),
        });
        if canvas.to_blob(on_blob.unchecked_ref()).is_err() {
            on_load_failed();
        }
    });
    let on_error_address = address.clone();
    let on_error = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&on_error_address);
        failed();
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&address);
}

/// CSV, SVG and PNG buttons for one panel (its figures as they are when a button is pressed).
#[component]
pub fn Downloads(
    panel: Memo<Panel>,
    dataset_title: String,
    locale: Locale,
    theme: Theme,
) -> impl IntoView {
    let lang = locale.lang;
    let locale = StoredValue::new(locale);
    let dataset_title = StoredValue::new(dataset_title);
    let name = move |extension: &str| {
        let panel = panel.with_untracked(|panel| panel.title.clone());
        dataset_title.with_value(|dataset| file_name(dataset, &panel, extension))
    };
    let drawn = move || {
        panel.with_untracked(|panel| {
            locale.with_value(|locale| chart_svg(panel, DOWNLOAD_WIDTH, locale, &theme))
        })
    };
    let csv = move |_| {
        let text = panel.with_untracked(|panel| table_csv(&panel.table));
        if let Some(file) = blob(&text, "text/csv;charset=utf-8") {
            save(&file, &name("csv"));
        }
    };
    let svg = move |_| {
        let (svg, _, _) = drawn();
        if let Some(file) = blob(&svg, "image/svg+xml") {
            save(&file, &name("svg"));
        }
    };
    // Said when a PNG cannot be made (status, in the reader's language); cleared on the next try.
    let png_failed = RwSignal::new(false);
    let png = move |_| {
        png_failed.set(false);
        let (svg, width, height) = drawn();
        save_png(svg, width, height, name("png"), move || {
            png_failed.set(true)
        });
    };
    let label = |format: &str| Text::DownloadFormat.fill(lang, &[("format", format)]);
    view! {
        <div class="pantau-downloads" role="group" aria-label=Text::Download.get(lang)>
            <button type="button" class="pantau-download" on:click=csv aria-label=label("CSV")>"CSV"</button>
            <button type="button" class="pantau-download" on:click=svg aria-label=label("SVG")>"SVG"</button>
            <button type="button" class="pantau-download" on:click=png aria-label=label("PNG")>"PNG"</button>
            <span class="pantau-download-failed" role="status">{move || png_failed.get().then(|| Text::PngFailed.get(lang))}</span>
        </div>
    }
}
