//! Indonesian first, English second: the reader's language, number and money formats, and
//! every sentence the widget says.

mod describe;
mod number;
mod text;

pub use describe::{
    describe_issue, describe_load_error, format_date, method_name, month_name, stage_name,
    type_name, verdict_name,
};
pub use number::{
    format_count, format_count_compact, format_decimal, format_money_compact, format_money_exact,
    format_money_spoken, format_money_tick, format_percent,
};
pub use text::Text;

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// From a `lang` parameter or a BCP 47 tag such as `en-GB`; `None` if neither language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Picks the string for this language.
    pub fn pick<'a>(self, indonesian: &'a str, english: &'a str) -> &'a str {
        match self {
            Lang::Id => indonesian,
            Lang::En => english,
        }
    }
}
