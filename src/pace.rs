//! Long work in steps, written as plain loops.
//!
//! A loop whose length a file decides (the entries of a list, the members of an object) awaits
//! [`Pace::tick`] once per unit of work. Polled by [`Stepped::step`] with a budget, the work
//! stops where the budget is spent and goes on from there at the next step, so the browser gets
//! its thread back in between; [`finish`] runs the same code to its end at once. The code does
//! not know which: the result is the same either way.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// How much work is left in the current step.
#[derive(Debug)]
pub struct Pace {
    left: Cell<usize>,
}

impl Pace {
    /// A pace that never stops.
    pub fn unbounded() -> Pace {
        Pace {
            left: Cell::new(usize::MAX),
        }
    }

    /// One unit of work: goes on at once while the step's budget lasts, else waits for the next
    /// step.
    pub fn tick(&self) -> Tick<'_> {
        self.spend(1)
    }

    /// `units` of work at once (a step may end up to this much over its budget).
    pub fn spend(&self, units: usize) -> Tick<'_> {
        Tick {
            pace: self,
            units,
            waited: false,
        }
    }
}

/// The future of one [`Pace::tick`] or [`Pace::spend`].
#[derive(Debug)]
pub struct Tick<'a> {
    pace: &'a Pace,
    units: usize,
    waited: bool,
}

impl Future for Tick<'_> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        let left = self.pace.left.get();
        if left == 0 && !self.waited {
            self.waited = true;
            return Poll::Pending;
        }
        self.pace.left.set(left.saturating_sub(self.units));
        Poll::Ready(())
    }
}

/// Work that runs in steps: a future that waits only on its [`Pace`].
pub struct Stepped<T> {
    pace: Rc<Pace>,
    work: Pin<Box<dyn Future<Output = T>>>,
}

impl<T> std::fmt::Debug for Stepped<T> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Stepped")
    }
}

impl<T: 'static> Stepped<T> {
    /// The work that `start` builds around the pace it is given.
    pub fn new<F: Future<Output = T> + 'static>(start: impl FnOnce(Rc<Pace>) -> F) -> Stepped<T> {
        let pace = Rc::new(Pace { left: Cell::new(0) });
        let work = Box::pin(start(Rc::clone(&pace)));
        Stepped { pace, work }
    }

    /// Does up to `units` more units of work (at least one); the result once all is done.
    pub fn step(&mut self, units: usize) -> Option<T> {
        self.pace.left.set(units.max(1));
        match self
            .work
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(result) => Some(result),
            Poll::Pending => None,
        }
    }
}

/// Items sorted in place of one `sort_by` call, in steps: runs of [`SORTED_RUN`] sorted, then
/// merged two by two, a tick a [`MERGED_PER_TICK`] items. Stable, as `sort_by` is; work grows
/// as n log n.
pub async fn sort_by<T, F>(items: Vec<T>, compare: F, pace: &Pace) -> Vec<T>
where
    F: Fn(&T, &T) -> std::cmp::Ordering,
{
    if items.len() <= SORTED_RUN {
        let mut items = items;
        items.sort_by(&compare);
        return items;
    }
    let mut runs: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter();
    loop {
        let mut run: Vec<T> = items.by_ref().take(SORTED_RUN).collect();
        if run.is_empty() {
            break;
        }
        // Sorting a run costs about a dozen comparisons an item.
        pace.spend(run.len() / 4 + 1).await;
        run.sort_by(&compare);
        runs.push(run);
    }
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        let mut pairs = runs.into_iter();
        while let Some(left) = pairs.next() {
            let Some(right) = pairs.next() else {
                merged.push(left);
                break;
            };
            let mut both = Vec::with_capacity(left.len() + right.len());
            let (mut left, mut right) = (left.into_iter().peekable(), right.into_iter().peekable());
            loop {
                let take_right = match (left.peek(), right.peek()) {
                    (Some(a), Some(b)) => compare(b, a).is_lt(),
                    (Some(_), None) => false,
                    (None, Some(_)) => true,
                    (None, None) => break,
                };
                both.extend(if take_right {
                    right.next()
                } else {
                    left.next()
                });
                if both.len() % MERGED_PER_TICK == 0 {
                    pace.tick().await;
                }
            }
            merged.push(both);
        }
        runs = merged;
    }
    runs.pop().unwrap_or_default()
}

/// Items sorted in one go by [`sort_by`].
pub const SORTED_RUN: usize = 4096;
/// Items merged by [`sort_by`] for one unit of work.
pub const MERGED_PER_TICK: usize = 64;

/// Drops `items` one at a time (freeing hundreds of thousands of small allocations is work too).
pub async fn drop_items<T>(items: impl IntoIterator<Item = T>, pace: &Pace) {
    for item in items {
        pace.tick().await;
        drop(item);
    }
}

/// Runs work that waits only on an unbounded [`Pace`] to its end.
pub fn finish<T>(work: impl Future<Output = T>) -> T {
    let mut work = std::pin::pin!(work);
    loop {
        if let Poll::Ready(result) = work.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            return result;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn sum(pace: &Pace, numbers: &[u64]) -> u64 {
        let mut total = 0;
        for number in numbers {
            pace.tick().await;
            total += number;
        }
        total
    }

    #[test]
    fn sorting_in_steps_sorts_as_sort_by_does() {
        for length in [0, 1, 4095, 4096, 4097, 20_000, 50_001] {
            // Many equal keys: stability shows.
            let items: Vec<(u32, usize)> = (0..length)
                .map(|index| (((index * 7919) % 1000) as u32, index))
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let copy = items.clone();
            let mut stepped = Stepped::new(|pace| async move {
                sort_by(copy, |a: &(u32, usize), b| a.0.cmp(&b.0), &pace).await
            });
            let mut steps = 1;
            let sorted = loop {
                if let Some(sorted) = stepped.step(100) {
                    break sorted;
                }
                steps += 1;
            };
            assert_eq!(sorted, expected, "{length}");
            if length > 20_000 {
                assert!(steps > 10, "{length}: {steps} steps");
            }
        }
    }

    #[test]
    fn stepped_work_stops_where_its_budget_ends_and_gives_the_same_result() {
        let numbers: Vec<u64> = (1..=1000).collect();
        let whole = finish(sum(&Pace::unbounded(), &numbers));
        assert_eq!(whole, 500_500);
        for budget in [1, 7, 999, 1000, 5000] {
            let copy = numbers.clone();
            let mut stepped = Stepped::new(|pace| async move { sum(&pace, &copy).await });
            let mut steps = 1;
            let result = loop {
                if let Some(result) = stepped.step(budget) {
                    break result;
                }
                steps += 1;
            };
            assert_eq!(result, whole);
            assert_eq!(steps, 1000_usize.div_ceil(budget).max(1), "budget {budget}");
        }
    }
}
