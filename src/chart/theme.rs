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
        secondary: RGBColor(0x7f, 0xb8, 0xda),
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
        secondary: RGBColor(0x2f, 0x6f, 0x94),
        warning: RGBColor(0xf0, 0x8a, 0x4b),
        reference: RGBColor(0xe6, 0xed, 0xf3),
    };
}
