//! Colours of a chart. Text reaches 4.5:1 and marks 3:1 against the background in both themes;
//! the series colours come from the Okabe–Ito colour-blind-safe palette.

use plotters::style::RGBColor;

/// The colours a chart uses, by role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Background of the plot.
    pub background: RGBColor,
    /// Labels and values.
    pub text: RGBColor,
    /// Tick labels and secondary text.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Main series (bars, the achieved line).
    pub primary: RGBColor,
    /// Secondary series (monthly bars, projections).
    pub secondary: RGBColor,
    /// Values below a threshold (always also said in text).
    pub warning: RGBColor,
    /// Threshold and target lines.
    pub reference: RGBColor,
}

impl Theme {
    /// Light theme.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(0xff, 0xff, 0xff),
        text: RGBColor(0x1f, 0x23, 0x28),
        muted: RGBColor(0x57, 0x60, 0x6a),
        grid: RGBColor(0xd8, 0xde, 0xe4),
        primary: RGBColor(0x00, 0x72, 0xb2),
        secondary: RGBColor(0x4f, 0x94, 0xc8),
        warning: RGBColor(0xc4, 0x45, 0x0c),
        reference: RGBColor(0x1f, 0x23, 0x28),
    };

    /// Dark theme.
    pub const DARK: Theme = Theme {
        background: RGBColor(0x16, 0x1b, 0x22),
        text: RGBColor(0xe6, 0xed, 0xf3),
        muted: RGBColor(0xa8, 0xb3, 0xbf),
        grid: RGBColor(0x34, 0x3b, 0x44),
        primary: RGBColor(0x56, 0xb4, 0xe9),
        secondary: RGBColor(0x3a, 0x7c, 0xa6),
        warning: RGBColor(0xf0, 0x8a, 0x4b),
        reference: RGBColor(0xe6, 0xed, 0xf3),
    };
}

impl Theme {
    /// The colour a series of `role` takes.
    pub fn of_role(&self, role: super::spec::Role) -> RGBColor {
        use super::spec::Role;
        match role {
            Role::Primary => self.primary,
            Role::Secondary => self.secondary,
            Role::Warning => self.warning,
            Role::Reference => self.reference,
        }
    }
}

/// The `theme` parameter: a fixed theme, or the reader's system preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
}

impl ThemeChoice {
    /// The parameter value.
    pub fn code(self) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Auto => "auto",
        }
    }

    /// The choice for a parameter value.
    pub fn from_code(code: &str) -> Option<ThemeChoice> {
        [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Auto]
            .into_iter()
            .find(|choice| choice.code() == code)
    }

    /// Whether the dark theme applies, given the system preference.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
            ThemeChoice::Auto => system_prefers_dark,
        }
    }
}

/// WCAG 2.1 relative luminance of an sRGB colour.
fn luminance(color: RGBColor) -> f64 {
    let channel = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
}

/// WCAG 2.1 contrast ratio of two colours.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (light, dark) = {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b), a.min(b))
    };
    (light + 0.05) / (dark + 0.05)
}

impl Theme {
    /// The text colour for text on a mark of `fill`: the background's or the text's colour,
    /// whichever contrasts more.
    pub fn on(&self, fill: RGBColor) -> RGBColor {
        if contrast(self.background, fill) >= contrast(self.text, fill) {
            self.background
        } else {
            self.text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reaches_4_5_to_1_and_marks_3_to_1_in_both_themes() {
        for theme in [Theme::LIGHT, Theme::DARK] {
            for text in [theme.text, theme.muted, theme.reference] {
                assert!(
                    contrast(text, theme.background) >= 4.5,
                    "{text:?} on {:?}",
                    theme.background
                );
            }
            for mark in [theme.primary, theme.secondary, theme.warning] {
                assert!(
                    contrast(mark, theme.background) >= 3.0,
                    "{mark:?} on {:?}",
                    theme.background
                );
            }
        }
    }

    #[test]
    fn text_on_bars_reaches_4_5_to_1_in_both_themes() {
        for theme in [Theme::LIGHT, Theme::DARK] {
            for bar in [theme.primary, theme.warning] {
                let text = theme.on(bar);
                assert!(contrast(text, bar) >= 4.5, "{text:?} on {bar:?}");
            }
        }
    }

    #[test]
    fn theme_parameter_round_trips_and_auto_follows_the_system() {
        for choice in [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Auto] {
            assert_eq!(ThemeChoice::from_code(choice.code()), Some(choice));
        }
        assert!(ThemeChoice::Auto.is_dark(true));
        assert!(!ThemeChoice::Auto.is_dark(false));
        assert!(ThemeChoice::Dark.is_dark(false));
    }
}
