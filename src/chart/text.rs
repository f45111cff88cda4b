//! How much room a text takes, measured without a font: advance widths of DejaVu Sans, the
//! widest of the common system sans-serif fonts (Roboto, Arial, Liberation Sans and Noto Sans
//! set the same text narrower), so a label placed with these boxes also fits where a phone draws
//! it in its own font. Kerning only narrows a run further.
//!
//! Also: wrapping a label to lines and shortening it with an ellipsis, both by these widths.

use super::scene::Baseline;

/// Advance widths in thousandths of an em of the printable ASCII characters (U+0020..=U+007E),
/// DejaVu Sans Book.
const ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// The same for DejaVu Sans Bold.
const ASCII_BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/// Height above the baseline, in ems (DejaVu Sans; Roboto's is the same to a hundredth).
pub const ASCENT: f64 = 0.928;
/// Depth below the baseline, in ems.
pub const DESCENT: f64 = 0.236;
/// Distance between the baselines of wrapped lines, in ems.
pub const LINE_HEIGHT: f64 = 1.35;

/// The ellipsis that ends a shortened text.
pub const ELLIPSIS: char = '…';

/// Advance of one character in thousandths of an em; an upper bound outside Latin script.
fn advance(character: char, bold: bool) -> u32 {
    let table = if bold { &ASCII_BOLD } else { &ASCII };
    match character {
        ' '..='~' => u32::from(table[character as usize - 0x20]),
        '\u{00b7}' => 380,
        '\u{2026}' | '\u{2013}' | '\u{2014}' => 1000,
        // Combining marks, zero-width spaces and joiners, direction marks, variation selectors.
        '\u{0300}'..='\u{036f}' | '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' => 0,
        '\u{00a0}'..='\u{024f}' => 780,
        // Emoji are drawn wider than an em by colour-emoji fonts.
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{26ff}' => 1300,
        _ if character.is_control() => 0,
        _ => 1000,
    }
}

/// Width in pixels of `text` at `size` px.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let milli: u64 = text
        .chars()
        .map(|character| u64::from(advance(character, bold)))
        .sum();
    milli as f64 * size / 1000.0
}

/// Height of one line's box at `size` px.
pub fn height(size: f64) -> f64 {
    (ASCENT + DESCENT) * size
}

/// A text's box, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl TextBox {
    /// Whether two boxes share more than a hair (half a pixel) of area.
    pub fn overlaps(&self, other: &TextBox) -> bool {
        const HAIR: f64 = 0.5;
        self.x0 + HAIR < other.x1
            && other.x0 + HAIR < self.x1
            && self.y0 + HAIR < other.y1
            && other.y0 + HAIR < self.y1
    }

    /// The box grown by `by` pixels on every side.
    pub fn grown(&self, by: f64) -> TextBox {
        TextBox {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    /// Whether the box lies inside `0..width` × `0..height`.
    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= width && self.y1 <= height
    }
}

/// Offset of the baseline from the anchor point, in ems: the text's box starts at y (`Top`), is
/// centred on it (`Middle`) or ends at it (`Bottom`).
pub fn baseline_offset(baseline: Baseline) -> f64 {
    match baseline {
        Baseline::Top => ASCENT,
        Baseline::Middle => (ASCENT - DESCENT) / 2.0,
        Baseline::Bottom => -DESCENT,
    }
}

/// The box of a text of `width_px` anchored at (x, y).
pub fn text_box(
    x: f64,
    y: f64,
    width_px: f64,
    size: f64,
    anchor: super::scene::Anchor,
    baseline: Baseline,
) -> TextBox {
    use super::scene::Anchor;
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width_px / 2.0,
        Anchor::End => x - width_px,
    };
    let base = y + baseline_offset(baseline) * size;
    TextBox {
        x0,
        y0: base - ASCENT * size,
        x1: x0 + width_px,
        y1: base + DESCENT * size,
    }
}

/// `text` shortened to at most `max` pixels, ending in an ellipsis when anything was cut.
pub fn shorten(text: &str, size: f64, bold: bool, max: f64) -> String {
    if width(text, size, bold) <= max {
        return text.to_owned();
    }
    let budget = max - width(&ELLIPSIS.to_string(), size, bold);
    let mut used = 0.0;
    let mut kept = String::new();
    for character in text.chars() {
        let step = f64::from(advance(character, bold)) * size / 1000.0;
        if used + step > budget {
            break;
        }
        used += step;
        kept.push(character);
    }
    let mut kept = kept.trim_end().to_owned();
    if budget >= 0.0 {
        kept.push(ELLIPSIS);
    }
    kept
}

/// `text` broken at spaces into at most `max_lines` lines of at most `max` pixels; a word longer
/// than a line is broken where the line ends, and the last line is shortened with an ellipsis
/// when the text does not fit. Runs of white space count as one space.
pub fn wrap(text: &str, size: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let normalized = words.join(" ");
    let mut rest = normalized.as_str();
    let mut lines = Vec::new();
    while lines.len() + 1 < max_lines.max(1) && width(rest, size, bold) > max {
        let (line, after) = take_line(rest, size, bold, max);
        lines.push(line.trim_end().to_owned());
        rest = after.trim_start();
    }
    lines.push(shorten(rest, size, bold, max));
    lines
}

/// The first line of `text` within `max` pixels, broken after its last space that fits, or
/// inside a word too long for a line (at least one character), and what is left.
fn take_line(text: &str, size: f64, bold: bool, max: f64) -> (&str, &str) {
    let mut used = 0.0;
    let mut last_space = None;
    for (index, character) in text.char_indices() {
        used += f64::from(advance(character, bold)) * size / 1000.0;
        if used > max {
            let at = match last_space {
                Some(space) => space,
                None if index == 0 => character.len_utf8(),
                None => index,
            };
            return text.split_at(at);
        }
        if character == ' ' {
            last_space = Some(index);
        }
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font() {
        assert!((width("0", 1000.0, false) - 636.0).abs() < 1e-9);
        assert!(width("Rp20,7 T", 12.0, false) > width("Rp20,7 T", 11.0, false));
        assert!(width("M", 12.0, true) > width("M", 12.0, false));
        assert_eq!(width("", 12.0, false), 0.0);
        assert!(width("日本", 10.0, false) >= 20.0);
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let name = "Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat";
        let lines = wrap(name, 13.0, false, 200.0, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        for line in &lines {
            assert!(width(line, 13.0, false) <= 200.0, "{line}");
        }
        let wide = wrap(name, 13.0, false, 2000.0, 2);
        assert_eq!(wide, vec![name.to_owned()]);
        let long = "x".repeat(300);
        let lines = wrap(&long, 13.0, false, 150.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with(ELLIPSIS));
        for line in &lines {
            assert!(width(line, 13.0, false) <= 150.0, "{line}");
        }
        let words = "kata ".repeat(100);
        let lines = wrap(&words, 13.0, false, 150.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with(ELLIPSIS), "{lines:?}");
        assert_eq!(wrap("", 13.0, false, 100.0, 2), vec![String::new()]);
    }

    #[test]
    fn shortening_ends_in_an_ellipsis() {
        assert_eq!(shorten("77,9%", 13.0, false, 500.0), "77,9%");
        let short = shorten("77,9% · kekurangan Rp683 M", 13.0, false, 80.0);
        assert!(short.ends_with(ELLIPSIS));
        assert!(width(&short, 13.0, false) <= 80.0);
    }

    #[test]
    fn boxes_follow_the_anchor() {
        use crate::chart::scene::Anchor;
        let top = text_box(10.0, 20.0, 30.0, 10.0, Anchor::End, Baseline::Top);
        assert!((top.y0 - 20.0).abs() < 1e-9 && (top.x1 - 10.0).abs() < 1e-9);
        let bottom = text_box(10.0, 20.0, 30.0, 10.0, Anchor::Start, Baseline::Bottom);
        assert!((bottom.y1 - 20.0).abs() < 1e-9 && (bottom.x0 - 10.0).abs() < 1e-9);
        let middle = text_box(10.0, 20.0, 30.0, 10.0, Anchor::Middle, Baseline::Middle);
        assert!(((middle.y0 + middle.y1) / 2.0 - 20.0).abs() < 1e-9);
        assert!(top.overlaps(&top) && !top.overlaps(&bottom.grown(-100.0)));
    }
}
