//! The record collections added after the first schema (tensions,
//! meetings, recognitions), created without the conflict a lazily created
//! map would cause.
//!
//! If two teammates each created a missing `meetings` map while apart,
//! Automerge would keep both at the same key and show one: the records in
//! the other would vanish from view. Instead, every copy creates these maps
//! with one and the same Automerge change: made by a fixed actor, with no
//! dependencies, at a fixed time, with fixed operations. Its bytes, and so
//! its hash, are identical wherever it is made, so Automerge holds it once
//! and every copy has the very same maps. It can be applied to any team
//! document, of any age, at any time, any number of times.

use std::sync::OnceLock;

use automerge::{transaction::Transactable, ActorId, AutoCommit, ObjType, ReadDoc, ROOT};

/// The maps this change creates at the document root.
pub const KEYS: [&str; 3] = ["tensions", "meetings", "recognitions"];

/// The actor that makes the change: the same in every copy.
const ACTOR: &[u8; 16] = b"roundtable:col:2";

/// The change itself (a saved document holding only it), made once.
pub fn change() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut doc = AutoCommit::new().with_actor(ActorId::from(&ACTOR[..]));
        for key in KEYS {
            // A fresh document accepts these puts: they cannot fail.
            let _ = doc.put_object(ROOT, key, ObjType::Map);
        }
        doc.commit_with(
            automerge::transaction::CommitOptions::default()
                .with_message(r#"{"author":null,"collections":2}"#.to_string())
                .with_time(0),
        );
        doc.save()
    })
}

/// Whether a change was made by the shared actor (this change), not a person.
pub fn is_shared(actor: &ActorId) -> bool {
    actor.to_bytes() == &ACTOR[..]
}

/// Whether the document has the collections (made by this change).
pub fn present(doc: &AutoCommit) -> bool {
    KEYS.iter().all(|k| {
        matches!(
            doc.get(ROOT, *k),
            Ok(Some((automerge::Value::Object(ObjType::Map), _)))
        )
    })
}

/// Adds the collections to `doc` unless it has them.
pub fn ensure(doc: &mut AutoCommit) -> Result<(), automerge::AutomergeError> {
    if present(doc) {
        return Ok(());
    }
    doc.load_incremental(change()).map(drop)
}
