//! The dashboard's header controls: the language switch, the view tabs, and the reader's
//! system colour scheme followed live.

use super::config::system_prefers_dark;
use super::root::{focus_first, WidgetRoot};
use crate::i18n::{Lang, Text};
use crate::views::View;
use leptos::prelude::*;

/// Bahasa Indonesia / English. Each button's accessible name starts with the code it shows
/// (WCAG 2.5.3: a voice user says what they see), then names the language.
#[component]
pub fn LanguageSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let button = move |choice: Lang, label: &'static str, name: &'static str| {
        view! {
            <button type="button" class="pantau-lang" lang=choice.tag() aria-label=format!("{label} ({name})") aria-pressed=move || (lang.get() == choice).to_string() on:click=move |_| lang.set(choice)>
                {label}
            </button>
        }
    };
    view! {
        <div class="pantau-langs" role="group" aria-label="Bahasa / Language">
            {button(Lang::Id, "ID", "Bahasa Indonesia")}
            {button(Lang::En, "EN", "English")}
        </div>
    }
}

/// The three views as tabs; arrow keys move between them.
#[component]
pub fn ViewTabs(lang: RwSignal<Lang>, view_choice: RwSignal<View>) -> impl IntoView {
    let widget_root = WidgetRoot::find();
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let index = View::ALL
            .iter()
            .position(|view| *view == view_choice.get_untracked())
            .unwrap_or(0);
        let next = match event.key().as_str() {
            "ArrowRight" => (index + 1) % View::ALL.len(),
            "ArrowLeft" => (index + View::ALL.len() - 1) % View::ALL.len(),
            "Home" => 0,
            "End" => View::ALL.len() - 1,
            _ => return,
        };
        event.prevent_default();
        view_choice.set(View::ALL[next]);
        focus_first(
            widget_root,
            &format!("#pantau-tab-{}", View::ALL[next].code()),
        );
    };
    view! {
        <div class="pantau-tabs" role="tablist" aria-label=move || Text::ViewsLabel.get(lang.get()) on:keydown=on_keydown>
            {View::ALL
                .into_iter()
                .map(|view| {
                    let selected = move || view_choice.get() == view;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="pantau-tab"
                            id=format!("pantau-tab-{}", view.code())
                            aria-controls="pantau-tabpanel"
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| view_choice.set(view)
                        >
                            {move || view.name(lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A signal that follows `prefers-color-scheme: dark`, listening for changes while the widget
/// lives.
pub fn follow_system_dark_mode() -> RwSignal<bool> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let system_dark = RwSignal::new(false);
    let Some(query) = system_prefers_dark() else {
        return system_dark;
    };
    system_dark.set(query.matches());
    let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |event: web_sys::MediaQueryListEvent| {
            system_dark.set(event.matches());
        },
    );
    if query
        .add_event_listener_with_callback("change", listener.as_ref().unchecked_ref())
        .is_ok()
    {
        let registration = send_wrapper::SendWrapper::new((query, listener));
        on_cleanup(move || {
            let (query, listener) = registration.take();
            let _ = query
                .remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        });
    }
    system_dark
}
