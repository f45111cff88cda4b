//! Snapshot first, interactive after. A page or element that names a snapshot (the `snapshot`
//! option, or a `<pantau-pbj>` element's fallback `<img>`) shows it before this code arrives
//! (`embed/snapshot.js`), with the widget's container laid out hidden beneath it. Here the widget
//! takes its place in one frame once its first chart is drawn; earlier when the data turns out
//! to differ from the data the picture records (its SHA-256), so that no outdated picture stays
//! while the rest loads. When the data cannot be shown the picture stays, with the widget's
//! message below it and a note that it may not be current.

use crate::i18n::{Lang, Text};
use wasm_bindgen::JsCast;

/// The class of the frame `embed/snapshot.js` puts the picture in.
const FRAME: &str = "pantau-snapshot-frame";
/// The class of a container hidden beneath a picture in the page's markup.
const BEHIND: &str = "pantau-behind";
/// The style properties that `embed/snapshot.js` sets on the widget's container to hide it.
const HIDING: [&str; 5] = ["position", "top", "left", "right", "visibility"];

/// A picture shown in the widget's place.
#[derive(Clone)]
pub struct Snapshot {
    frame: web_sys::Element,
    container: web_sys::HtmlElement,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Snapshot")
    }
}

/// The widget's snapshot, if its page showed one (context of the widget's components).
#[derive(Clone, Copy)]
pub struct Shown(pub leptos::prelude::StoredValue<Option<Snapshot>, leptos::prelude::LocalStorage>);

impl Shown {
    /// Runs `action` on the snapshot, if the page showed one (each action does nothing once
    /// it is gone).
    pub fn with(self, action: impl FnOnce(&Snapshot)) {
        use leptos::prelude::WithValue;
        self.0.with_value(|snapshot| {
            if let Some(snapshot) = snapshot {
                action(snapshot);
            }
        });
    }
}

impl Snapshot {
    /// The picture shown in place of the widget mounted in `container`, if the page put one.
    pub fn beside(container: &web_sys::HtmlElement) -> Option<Snapshot> {
        let frame = container.previous_element_sibling()?;
        frame.class_list().contains(FRAME).then(|| Snapshot {
            frame,
            container: container.clone(),
        })
    }

    /// The SHA-256 of the data the picture was drawn from, as the picture records it (read by
    /// `embed/snapshot.js`; absent until it has been read, or when it cannot be).
    pub fn recorded(&self) -> Option<String> {
        self.frame
            .get_attribute("data-sha256")
            .filter(|hash| hash.len() == 64 && hash.bytes().all(|byte| byte.is_ascii_hexdigit()))
    }

    /// Whether the picture is still shown.
    fn shown(&self) -> bool {
        self.frame.is_connected()
    }

    fn reveal(&self) {
        let _ = self.container.class_list().remove_1(BEHIND);
        let style = self.container.style();
        for property in HIDING {
            let _ = style.remove_property(property);
        }
    }

    /// The widget takes the picture's place: both changes land in the same frame.
    pub fn replace(&self) {
        if !self.shown() {
            return;
        }
        self.frame.remove();
        self.reveal();
        super::tasks::mark("pantau-pbj:interactive");
    }

    /// The data was received: when it is not what the picture was drawn from, the picture goes
    /// now, not when the first chart is drawn.
    pub fn data_received(&self, sha256: Option<&str>) {
        if let (Some(recorded), Some(received)) = (self.recorded(), sha256) {
            if !recorded.eq_ignore_ascii_case(received) {
                self.replace();
            }
        }
    }

    /// The data cannot be shown: the picture stays, says it may not be current, and the
    /// widget (its message) shows below it.
    pub fn keep(&self, lang: Lang) {
        if !self.shown() {
            return;
        }
        self.reveal();
        // Its "loading the interactive chart" is no longer true.
        if let Ok(Some(status)) = self.frame.query_selector("[role=status]") {
            status.remove();
        }
        let Some(document) = self.frame.owner_document() else {
            return;
        };
        let note = self
            .frame
            .query_selector(".pantau-snapshot-note")
            .ok()
            .flatten()
            .or_else(|| {
                let note = document.create_element("p").ok()?;
                note.set_class_name("pantau-snapshot-note");
                self.frame.append_child(&note).ok()?;
                Some(note)
            });
        if let Some(note) = note.and_then(|note| note.dyn_into::<web_sys::HtmlElement>().ok()) {
            note.set_text_content(Some(Text::SnapshotKept.get(lang)));
        }
        super::tasks::mark("pantau-pbj:interactive");
    }
}
