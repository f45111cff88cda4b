//! Progress toward a target: pace so far, linear projection to the deadline, required pace,
//! and a verdict.
//!
//! Days count whole calendar days: the `as_of` day is counted as done, so from 1 January to
//! 30 June 2024 is 182 days elapsed and 184 remain to 31 December.

use crate::model::{CivilDate, Share, Target};

/// How a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Already reached.
    Reached,
    /// At the current pace it will be reached by the deadline.
    OnTrack,
    /// It needs up to [`AT_RISK_PACE_RATIO`] times the current pace.
    AtRisk,
    /// It needs more than that.
    OffTrack,
    /// The deadline has passed without reaching it.
    Missed,
}

/// A target needing at most this multiple of the pace so far is "at risk" rather than "off track".
pub const AT_RISK_PACE_RATIO: f64 = 1.25;

/// Progress toward one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Days from the start up to and including `as_of`.
    pub elapsed_days: i64,
    /// Days after `as_of` up to and including the deadline (zero once it has passed).
    pub remaining_days: i64,
    /// Units gained per day so far.
    pub pace_per_day: f64,
    /// The value at the deadline if the pace so far continues.
    pub projected: i64,
    /// `achieved` as a share of the target.
    pub achieved_share: Share,
    /// `projected` as a share of the target.
    pub projected_share: Share,
    /// Units a day needed from now on to reach the target; `None` once reached or past.
    pub required_pace_per_day: Option<f64>,
    /// `required_pace_per_day / pace_per_day`; `None` when either is missing or the pace is zero.
    pub pace_ratio: Option<f64>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Projects a target linearly from its start to its deadline.
pub fn progress(target: &Target) -> Progress {
    let elapsed_days = (target.start.days_until(target.as_of) + 1).max(1);
    let remaining_days = target.as_of.days_until(target.deadline).max(0);
    let gained = i128::from(target.achieved) - i128::from(target.baseline);
    let pace_per_day = gained as f64 / elapsed_days as f64;
    let projected_gain = div_round(
        gained * i128::from(remaining_days),
        i128::from(elapsed_days),
    );
    let projected = clamp_i64(i128::from(target.achieved) + projected_gain.max(0));
    let share = |value: i64| Share::new(value as f64 / target.target as f64).unwrap_or_default();
    let missing = i128::from(target.target) - i128::from(target.achieved);
    let required_pace_per_day =
        (missing > 0 && remaining_days > 0).then(|| missing as f64 / remaining_days as f64);
    let pace_ratio = required_pace_per_day
        .filter(|_| pace_per_day > 0.0)
        .map(|required| required / pace_per_day);
    let verdict = if missing <= 0 {
        Verdict::Reached
    } else if remaining_days == 0 {
        Verdict::Missed
    } else if projected >= target.target {
        Verdict::OnTrack
    } else if pace_ratio.is_some_and(|ratio| ratio <= AT_RISK_PACE_RATIO) {
        Verdict::AtRisk
    } else {
        Verdict::OffTrack
    };
    Progress {
        elapsed_days,
        remaining_days,
        pace_per_day,
        projected,
        achieved_share: share(target.achieved),
        projected_share: share(projected),
        required_pace_per_day,
        pace_ratio,
        verdict,
    }
}

/// The projected value on `date` (between the start and the deadline), for drawing the line.
pub fn projected_on(target: &Target, progress: &Progress, date: CivilDate) -> i64 {
    if date <= target.as_of {
        return target.achieved;
    }
    let days = i128::from(target.as_of.days_until(date));
    let gained = i128::from(target.achieved) - i128::from(target.baseline);
    clamp_i64(
        i128::from(target.achieved)
            + div_round(gained * days, i128::from(progress.elapsed_days)).max(0),
    )
}

fn div_round(numerator: i128, denominator: i128) -> i128 {
    if denominator == 0 {
        return 0;
    }
    let half = denominator / 2;
    if numerator >= 0 {
        (numerator + half) / denominator
    } else {
        (numerator - half) / denominator
    }
}

fn clamp_i64(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    fn catalogue(achieved: i64, as_of: &str) -> Target {
        Target {
            id: "katalog".into(),
            label: "Produk tayang".into(),
            unit: "produk".into(),
            baseline: 0,
            start: CivilDate::parse("2024-01-01").unwrap(),
            target: 1_000_000,
            deadline: CivilDate::parse("2024-12-31").unwrap(),
            achieved,
            as_of: CivilDate::parse(as_of).unwrap(),
            legal_basis: None,
            provenance: Provenance::default(),
        }
    }

    #[test]
    fn catalogue_target_mid_2024_projects_191_thousand_and_needs_4_900_a_day() {
        let progress = progress(&catalogue(95_000, "2024-06-30"));
        assert_eq!(progress.elapsed_days, 182);
        assert_eq!(progress.remaining_days, 184);
        assert!(
            (progress.pace_per_day - 522.0).abs() < 1.0,
            "{}",
            progress.pace_per_day
        );
        assert!(
            (190_500..=191_500).contains(&progress.projected),
            "{}",
            progress.projected
        );
        assert!((progress.projected_share.percent() - 19.1).abs() < 0.1);
        let required = progress.required_pace_per_day.unwrap();
        assert!((4_900.0..4_950.0).contains(&required), "{required}");
        assert!((progress.pace_ratio.unwrap() - 9.4).abs() < 0.05);
        assert_eq!(progress.verdict, Verdict::OffTrack);
    }

    #[test]
    fn verdicts_follow_the_pace() {
        assert_eq!(
            progress(&catalogue(1_000_000, "2024-06-30")).verdict,
            Verdict::Reached
        );
        assert_eq!(
            progress(&catalogue(600_000, "2024-06-30")).verdict,
            Verdict::OnTrack
        );
        assert_eq!(
            progress(&catalogue(450_000, "2024-06-30")).verdict,
            Verdict::AtRisk
        );
        assert_eq!(
            progress(&catalogue(0, "2024-06-30")).verdict,
            Verdict::OffTrack
        );
        assert_eq!(
            progress(&catalogue(999_999, "2024-12-31")).verdict,
            Verdict::Missed
        );
    }

    #[test]
    fn projection_line_starts_at_the_achieved_value_and_ends_at_the_projection() {
        let target = catalogue(95_000, "2024-06-30");
        let progress = progress(&target);
        assert_eq!(projected_on(&target, &progress, target.as_of), 95_000);
        assert_eq!(
            projected_on(&target, &progress, target.deadline),
            progress.projected
        );
    }
}
