//! The record collections added after the first schema (tensions,
//! meetings, recognitions; then options), created without the conflict a lazily created
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

/// One shared change: its actor (the same in every copy), the maps it
/// creates at the root, and its number in the message.
struct Shared {
    actor: &'static [u8; 16],
    keys: &'static [&'static str],
    number: u32,
}

/// Every shared change, oldest first. A later one never depends on an
/// earlier one: each is a document of its own, loaded into any copy.
const SHARED: [Shared; 2] = [
    Shared {
        actor: b"roundtable:col:2",
        keys: &["tensions", "meetings", "recognitions"],
        number: 2,
    },
    // The options decisions considered (MADR's "considered options").
    Shared {
        actor: b"roundtable:col:3",
        keys: &["options"],
        number: 3,
    },
];

/// The maps the shared changes create at the document root.
pub const KEYS: [&str; 4] = ["tensions", "meetings", "recognitions", "options"];

/// The shared changes (each a saved document holding only it), made once.
pub fn changes() -> &'static [Vec<u8>] {
    static BYTES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    BYTES.get_or_init(|| SHARED.iter().map(make).collect())
}

/// The first shared change (tensions, meetings, recognitions).
pub fn change() -> &'static [u8] {
    &changes()[0]
}

fn make(shared: &Shared) -> Vec<u8> {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(&shared.actor[..]));
    for key in shared.keys {
        // A fresh document accepts these puts: they cannot fail.
        let _ = doc.put_object(ROOT, *key, ObjType::Map);
    }
    doc.commit_with(
        automerge::transaction::CommitOptions::default()
            .with_message(format!(
                r#"{{"author":null,"collections":{}}}"#,
                shared.number
            ))
            .with_time(0),
    );
    doc.save()
}

/// Whether a change was made by a shared actor (these changes), not a person.
pub fn is_shared(actor: &ActorId) -> bool {
    SHARED.iter().any(|s| actor.to_bytes() == &s.actor[..])
}

fn has_map(doc: &AutoCommit, key: &str) -> bool {
    matches!(
        doc.get(ROOT, key),
        Ok(Some((automerge::Value::Object(ObjType::Map), _)))
    )
}

/// Whether the document has all the collections (made by these changes).
pub fn present(doc: &AutoCommit) -> bool {
    KEYS.iter().all(|k| has_map(doc, k))
}

/// Adds the collections `doc` lacks, each with its shared change.
pub fn ensure(doc: &mut AutoCommit) -> Result<(), automerge::AutomergeError> {
    for (shared, bytes) in SHARED.iter().zip(changes()) {
        if !shared.keys.iter().all(|k| has_map(doc, k)) {
            doc.load_incremental(bytes)?;
        }
    }
    Ok(())
}
