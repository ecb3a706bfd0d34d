//! Byte spans into the caller's text: the only way the engine refers to text.

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text.
///
/// Both ends always lie on UTF-8 character boundaries, so `&text[span.range()]`
/// never panics for the text the span came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Sort `items` by where they start, equal ones kept in order (a stable
/// sort). One shared sort of (start, index) pairs does the work, not a sort
/// per item type and key: in the WebAssembly build each of those costs a
/// few KB.
pub(crate) fn sort_by_start<T>(items: &mut [T], start: impl Fn(&T) -> usize) {
    if items.windows(2).all(|w| start(&w[0]) <= start(&w[1])) {
        return;
    }
    let order = stable_order(items.iter().map(start).collect());
    permute(order, &mut |a, b| items.swap(a, b));
}

/// For each place, the index of the item that goes there.
fn stable_order(starts: Vec<usize>) -> Vec<usize> {
    order_by(starts.len(), &|a, b| starts[a].cmp(&starts[b]))
}

/// Sort `words` and drop repeats, with the same shared sort.
pub(crate) fn sort_dedup(words: &mut Vec<String>) {
    let order = order_by(words.len(), &|a, b| words[a].cmp(&words[b]));
    permute(order, &mut |a, b| words.swap(a, b));
    words.dedup();
}

/// The indices `0..n` in the order `cmp` gives, ties in index order: the
/// one sort instance behind the helpers above.
fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // The indices are distinct, so no two are equal: unstable is stable here.
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Put the item at `order[i]` at place `i`, one cycle of the permutation
/// at a time.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for first in 0..order.len() {
        let mut at = first;
        while order[at] != usize::MAX {
            let next = order[at];
            order[at] = usize::MAX;
            if next == first {
                break;
            }
            swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    use super::{sort_by_start, sort_dedup};

    #[test]
    fn sort_dedup_is_sort_then_dedup() {
        let words = ["mr", "u.s", "", "Mr", "mr", "st", "a", "u.s", "ж", "a.m", "z"];
        for n in 0..=words.len() {
            let mut got: Vec<String> = words[..n].iter().rev().map(|w| w.to_string()).collect();
            let mut want = got.clone();
            want.sort();
            want.dedup();
            sort_dedup(&mut got);
            assert_eq!(got, want);
        }
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in 0..60 {
            let mut items: Vec<(usize, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) as usize % (len / 3 + 1), i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|p| p.0);
            sort_by_start(&mut items, |p| p.0);
            assert_eq!(items, want);
        }
    }
}
