//! The app's one sort (`model::order`) orders exactly as the standard
//! stable sort does, ties included, for any input.
#![cfg(not(target_arch = "wasm32"))]
// The standard sort is the reference here (see clippy.toml).
#![allow(clippy::disallowed_methods)]

use proptest::prelude::*;
use roundtable::model::order;

proptest! {
    #[test]
    fn sort_by_is_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..200)) {
        // Few distinct keys: many ties, whose order must be kept.
        let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut ours = tagged.clone();
        let mut theirs = tagged;
        order::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        theirs.sort_by_key(|a| a.0);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn sort_and_sort_by_key_agree_with_the_standard(words in prop::collection::vec("[a-c]{0,3}", 0..100)) {
        let mut ours = words.clone();
        let mut theirs = words.clone();
        order::sort(&mut ours);
        theirs.sort();
        prop_assert_eq!(&ours, &theirs);
        let mut by_len = words.clone();
        let mut std_by_len = words;
        order::sort_by_key(&mut by_len, |w| std::cmp::Reverse(w.len()));
        std_by_len.sort_by_key(|w| std::cmp::Reverse(w.len()));
        prop_assert_eq!(by_len, std_by_len);
    }

    #[test]
    fn sort_by_cached_key_is_the_standard_one(words in prop::collection::vec("[a-cA-C]{0,3}", 0..100)) {
        // Keys in lower case: "a" and "A" tie, and keep their order.
        let mut ours = words.clone();
        let mut theirs = words;
        order::sort_by_cached_key(&mut ours, |w| w.to_lowercase());
        theirs.sort_by_cached_key(|w| w.to_lowercase());
        prop_assert_eq!(ours, theirs);
    }
}
