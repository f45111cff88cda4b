//! A searchable choice for a filter with many values (a province's hundreds of spending units,
//! or a hostile file's hundred thousand): a text field that filters a list as the reader types,
//! with at most `CHOICES_SHOWN` options in the page at once, whatever the data holds. It follows the
//! WAI-ARIA combobox pattern (editable combobox with a list popup): arrow keys move through the
//! options, Enter chooses, Escape closes, and the number of matches is announced.

use crate::i18n::{format_count, Lang, Text};
use leptos::prelude::*;

use crate::analysis::filter::{first_choices, matching};

/// One choice: the value written to the address, and what the reader sees when that is not the
/// value itself (a name is its own text: one copy of each of a hundred thousand names).
pub type Choice = (String, Option<&'static str>);

/// What the reader sees of a choice.
pub fn text(choice: &Choice) -> &str {
    choice.1.unwrap_or(&choice.0)
}

/// The searchable choice of one filter parameter. `all` is the text of the choice that clears
/// it; `current` the value chosen (empty for all).
#[component]
pub fn ComboBox(
    /// The parameter's name (`unit`, `region`): element ids and the address.
    name: &'static str,
    /// The visible label.
    label: &'static str,
    /// The text of the choice that clears the filter, if it has one.
    all: Option<&'static str>,
    /// Every choice.
    choices: Vec<Choice>,
    /// The value chosen now (empty: all).
    current: Signal<String>,
    /// Called with the value the reader chooses (empty: all).
    on_choose: Callback<String>,
    lang: Lang,
) -> impl IntoView {
    let id = format!("pantau-filter-{name}");
    let list_id = format!("pantau-filter-{name}-list");
    let count = choices.len();
    let choices = StoredValue::new(choices);
    // The choices in lower case, made when the reader first types (a file may hold a hundred
    // thousand names: no work for them before anyone searches).
    let folded = StoredValue::new(None::<Vec<String>>);
    let text_of = move |value: &str| {
        if value.is_empty() {
            return all.unwrap_or_default().to_owned();
        }
        choices.with_value(|choices| {
            choices
                .iter()
                .find(|(known, _)| known == value)
                .map_or_else(|| value.to_owned(), |choice| text(choice).to_owned())
        })
    };
    let query = RwSignal::new(text_of(&current.get_untracked()));
    let open = RwSignal::new(false);
    // The option the keyboard is on, as a place in the shown list.
    let active = RwSignal::new(None::<usize>);
    // What the list shows: nothing typed since opening shows every choice from the start.
    let typed = RwSignal::new(false);
    let found = Memo::new(move |_| {
        let query = if typed.get() {
            query.get()
        } else {
            String::new()
        };
        if query.trim().is_empty() {
            // The first in alphabetical order (a long list is not sorted).
            let first = choices.with_value(|choices| first_choices(choices.iter().map(text)));
            return (first, count);
        }
        if folded.with_value(Option::is_none) {
            let lower = choices.with_value(|choices| {
                choices
                    .iter()
                    .map(|choice| text(choice).to_lowercase())
                    .collect()
            });
            folded.set_value(Some(lower));
        }
        folded.with_value(|folded| matching(folded.as_deref().unwrap_or_default(), &query))
    });
    let choose = move |value: String| {
        query.set(text_of(&value));
        open.set(false);
        typed.set(false);
        active.set(None);
        on_choose.run(value);
    };
    // The field shows the current choice again when it changes from elsewhere (a drill-down,
    // "clear filters").
    Effect::new(move |_| {
        let value = current.get();
        if !open.get_untracked() {
            query.set(text_of(&value));
        }
    });
    // Entries of the list: the "all" choice (when nothing is typed), then the matches.
    let entries = move || -> Vec<(String, String)> {
        let (shown, _) = found.get();
        let mut entries = Vec::with_capacity(shown.len() + 1);
        if let Some(all) =
            all.filter(|_| !typed.get() || query.with(|query| query.trim().is_empty()))
        {
            entries.push((String::new(), all.to_owned()));
        }
        choices.with_value(|choices| {
            entries.extend(shown.iter().map(|&index| {
                let choice = &choices[index];
                (choice.0.clone(), text(choice).to_owned())
            }));
        });
        entries
    };
    let option_id = move |place: usize| format!("pantau-filter-{name}-option-{place}");
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let count = entries().len();
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                event.prevent_default();
                open.set(true);
                let down = event.key() == "ArrowDown";
                active.update(|active| {
                    *active = Some(match (*active, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(place), true) => (place + 1) % count,
                        (Some(place), false) => (place + count - 1) % count,
                    })
                });
            }
            "Enter" if open.get_untracked() => {
                event.prevent_default();
                if let Some((value, _)) = active
                    .get_untracked()
                    .and_then(|place| entries().into_iter().nth(place))
                {
                    choose(value);
                }
            }
            "Escape" if open.get_untracked() => {
                event.prevent_default();
                open.set(false);
                typed.set(false);
                active.set(None);
                query.set(text_of(&current.get_untracked()));
            }
            _ => {}
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        query.set(event_target_value(&event));
        typed.set(true);
        open.set(true);
        active.set(None);
    };
    let on_blur = move |_| {
        open.set(false);
        typed.set(false);
        active.set(None);
        query.set(text_of(&current.get_untracked()));
    };
    let status = move || {
        let (shown, count) = found.get();
        let text = if count > shown.len() {
            Text::MatchesFirstShown.fill(
                lang,
                &[
                    ("count", &format_count(count as i64, lang)),
                    ("shown", &format_count(shown.len() as i64, lang)),
                ],
            )
        } else {
            Text::Matches.fill(lang, &[("count", &format_count(count as i64, lang))])
        };
        open.get().then_some(text)
    };
    let list = move || {
        let current = current.get();
        let active = active.get();
        entries()
            .into_iter()
            .enumerate()
            .map(|(place, (value, text))| {
                let chosen = value == current;
                let pick = value.clone();
                view! {
                    <li
                        role="option"
                        id=option_id(place)
                        class="pantau-combo-option"
                        class:pantau-combo-active=active == Some(place)
                        aria-selected=chosen.to_string()
                        // Chosen on mousedown, before the field loses focus and closes the list.
                        on:mousedown=move |event| {
                            event.prevent_default();
                            choose(pick.clone());
                        }
                    >
                        {text}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="pantau-filter pantau-combo">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-expanded=move || open.get().to_string()
                aria-controls=list_id.clone()
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| open.set(true)
                on:click=move |_| open.set(true)
                on:blur=on_blur
            />
            <ul id=list_id role="listbox" aria-label=label class="pantau-combo-list" hidden=move || !open.get()>
                {list}
            </ul>
            <p class="pantau-combo-status" role="status">{status}</p>
        </div>
    }
}
