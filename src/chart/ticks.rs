//! Round tick values for an axis starting at zero.

/// Ticks from zero to at least `max`, at a round step (1, 2, 2.5 or 5 times a power of ten),
/// about `count` of them. A `max` that is not finite, not positive or beyond ±1e300 gives `[0, 1]`.
pub fn nice_ticks(max: f64, count: usize) -> Vec<f64> {
    if !max.is_finite() || !(1e-300..=1e300).contains(&max) {
        return vec![0.0, 1.0];
    }
    let count = count.clamp(2, 10) as f64;
    let raw_step = max / count;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let steps = (max / step).ceil().clamp(1.0, 20.0) as usize;
    (0..=steps).map(|index| index as f64 * step).collect()
}

/// Ticks for `format`: whole numbers for counts (a step of at least 1, so that no two ticks
/// print the same number), else [`nice_ticks`].
pub fn ticks_for(max: f64, count: usize, format: super::spec::TickFormat) -> Vec<f64> {
    let ticks = nice_ticks(max, count);
    let step = ticks.get(1).copied().unwrap_or(1.0);
    if format == super::spec::TickFormat::Count && step < 1.0 {
        let top = max.ceil().clamp(1.0, 20.0) as usize;
        return (0..=top).map(|tick| tick as f64).collect();
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(
            nice_ticks(20.675e12, 5),
            vec![0.0, 5e12, 10e12, 15e12, 20e12, 25e12]
        );
        assert_eq!(
            nice_ticks(1.0, 5),
            vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(
            nice_ticks(1_000_000.0, 4),
            vec![0.0, 250_000.0, 500_000.0, 750_000.0, 1_000_000.0]
        );
    }

    #[test]
    fn counts_tick_in_whole_numbers() {
        use crate::chart::spec::TickFormat;
        assert_eq!(ticks_for(1.0, 5, TickFormat::Count), vec![0.0, 1.0]);
        assert_eq!(
            ticks_for(3.0, 5, TickFormat::Count),
            vec![0.0, 1.0, 2.0, 3.0]
        );
        assert_eq!(
            ticks_for(40.0, 5, TickFormat::Count),
            nice_ticks(40.0, 5),
            "steps of 1 or more are kept"
        );
        assert_eq!(ticks_for(1.0, 5, TickFormat::Percent), nice_ticks(1.0, 5));
    }

    #[test]
    fn degenerate_ranges_give_a_unit_axis() {
        for max in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            assert_eq!(nice_ticks(max, 5), vec![0.0, 1.0]);
        }
        assert!(nice_ticks(f64::MAX, 5).len() <= 21);
        assert!(nice_ticks(f64::MIN_POSITIVE, 5).len() <= 21);
    }
}
