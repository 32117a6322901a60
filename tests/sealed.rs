//! Files and links sealed with a passphrase: they open with it and only
//! with it; any change to the bytes, or cutting them short, is refused.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::new_team;
use proptest::prelude::*;
use roundtable::share::{
    decode_link, encode_fragment_from, is_sealed_fragment, open_fragment, seal_fragment,
    sealed::{is_sealed, open, seal, SealError, HEADER},
    LinkError, Sender,
};

const PASS: &str = "correct horse battery";

#[test]
fn a_sealed_team_file_opens_with_its_passphrase_and_says_only_what_it_is() {
    let (mut doc, _) = new_team();
    let bytes = doc.export();
    let sealed = seal(PASS, &bytes).unwrap();
    assert!(sealed.starts_with(HEADER));
    assert!(is_sealed(&sealed));
    assert!(!is_sealed(&bytes));
    // Nothing of the team is readable: not its name, not Automerge's magic.
    let body = &sealed[HEADER.len()..];
    assert!(!body.windows(8).any(|w| w == b"Platform"));
    assert!(!sealed.windows(4).any(|w| w == [0x85, 0x6f, 0x4a, 0x83]));
    assert_eq!(open(PASS, &sealed).unwrap(), bytes);
}

#[test]
fn every_file_has_its_own_salt_and_nonce() {
    let a = seal(PASS, b"same").unwrap();
    let b = seal(PASS, b"same").unwrap();
    assert_ne!(a, b);
    assert_ne!(
        a[HEADER.len()..HEADER.len() + 28],
        b[HEADER.len()..HEADER.len() + 28]
    );
}

#[test]
fn a_wrong_passphrase_is_refused() {
    let sealed = seal(PASS, b"team").unwrap();
    assert_eq!(
        open("correct horse batterx", &sealed),
        Err(SealError::WrongPassphrase)
    );
    assert_eq!(open("", &sealed), Err(SealError::NoPassphrase));
    assert_eq!(seal("", b"team"), Err(SealError::NoPassphrase));
}

#[test]
fn cut_short_at_any_length_is_refused() {
    let sealed = seal(PASS, b"a team of some length").unwrap();
    for len in 0..sealed.len() {
        let r = open(PASS, &sealed[..len]);
        assert!(r.is_err(), "cut to {len} bytes opened");
        if len >= HEADER.len() {
            assert!(
                matches!(r, Err(SealError::CutShort | SealError::WrongPassphrase)),
                "{len}: {r:?}"
            );
        }
    }
}

#[test]
fn a_newer_version_is_named_as_such() {
    let mut sealed = seal(PASS, b"team").unwrap();
    sealed[HEADER.len() - 2] = b'2';
    assert_eq!(open(PASS, &sealed), Err(SealError::NewerVersion));
    assert_eq!(open(PASS, b"plain bytes"), Err(SealError::NotSealed));
}

#[test]
fn a_sealed_link_carries_the_sender_inside_and_opens_to_the_same_link() {
    let (mut doc, ana) = new_team();
    let bytes = doc.export();
    let from = Sender {
        member_id: ana.clone(),
        heads: doc.heads().into_iter().map(|h| h.0).collect(),
    };
    let plain = encode_fragment_from(&bytes, &from);
    let sealed = seal_fragment(&plain, PASS).unwrap();
    assert!(is_sealed_fragment(&sealed));
    assert!(!is_sealed_fragment(&plain));
    assert!(!sealed.contains(&ana));
    // Without the passphrase the link says it is encrypted, nothing more.
    assert_eq!(decode_link(&sealed), Err(LinkError::Sealed));
    let opened = open_fragment(&sealed, PASS).unwrap();
    let link = decode_link(&opened).unwrap();
    assert_eq!(link.bytes, bytes);
    assert_eq!(link.from, Some(from));
    assert_eq!(
        open_fragment(&sealed, "wrong passphrase"),
        Err(SealError::WrongPassphrase)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// GCM's tag covers the header, salt, nonce and ciphertext: one
    /// flipped bit anywhere and nothing is returned.
    #[test]
    fn any_flipped_bit_is_refused(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let sealed = seal(PASS, b"who decides the budget").unwrap();
        let mut damaged = sealed.clone();
        let i = at.index(damaged.len());
        damaged[i] ^= 1 << bit;
        prop_assert!(open(PASS, &damaged).is_err());
    }

    /// Whatever the bytes, opening them never panics.
    #[test]
    fn any_bytes_after_the_header_never_panic(tail in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut bytes = HEADER.to_vec();
        bytes.extend(tail);
        prop_assert!(open(PASS, &bytes).is_err());
    }
}
