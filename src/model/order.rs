//! One sort for the whole app, so that the page carries one copy of it.
//!
//! The standard library's stable sort is generic over both the element
//! type and the comparison: every `sort_by` with its own closure added
//! another copy of the sort (~3–5 KB of wasm each, ~200 KB in all). Here
//! the sorting is done once, on positions, through a `dyn` comparison, and
//! the elements are then moved into place; what stays generic is a short
//! permutation loop. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// The positions `0..n`, ordered by `cmp`; equal ones keep their order.
#[inline(never)]
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)] // the one sort everything else goes through
    p.sort_by(|&a, &b| cmp(a, b));
    p
}

/// Puts `v[p[i]]` at `i` for every `i`, following each cycle of `p` once.
fn permute<T>(v: &mut [T], mut p: Vec<usize>) {
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let k = p[j];
            // Marks `j` as placed: later starts inside this cycle stop at once.
            p[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let p = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, p);
}

/// Sorts `v` by the key `f` gives, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` by the key `f` gives, making each element's key once (as
/// `slice::sort_by_cached_key`): for keys that allocate, such as a name
/// in lower case, which a comparison would otherwise make twice per step.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], f: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let p = {
        let keys: Vec<K> = v.iter().map(f).collect();
        positions(v.len(), &mut |a, b| keys[a].cmp(&keys[b]))
    };
    permute(v, p);
}

/// Sorts `v` in its natural order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        // Keys with many ties, paired with their original place.
        let keys = [5u8, 1, 3, 1, 5, 0, 3, 3, 9, 1, 0, 5, 2, 2, 7];
        let mut ours: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut std_sorted = ours.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        #[allow(clippy::disallowed_methods)]
        std_sorted.sort_by_key(|a| a.0);
        assert_eq!(ours, std_sorted);
    }

    #[test]
    fn short_and_reversed() {
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![3];
        sort(&mut one);
        assert_eq!(one, [3]);
        let mut v: Vec<String> = ["d", "c", "b", "a"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["a", "b", "c", "d"]);
        sort_by_key(&mut v, |s| std::cmp::Reverse(s.clone()));
        assert_eq!(v, ["d", "c", "b", "a"]);
    }
}
