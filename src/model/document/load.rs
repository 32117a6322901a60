//! Opening saved bytes as a team document, and the schema checks that
//! everything arriving from storage, files and links must pass.

use automerge::{AutoCommit, AutomergeError, ObjType, ReadDoc, Value, ROOT};

use super::{TeamDocument, MAX_DOC_BYTES};
use crate::model::{
    changed::RecordRef,
    error::LoadError,
    ids::is_valid_id,
    kind::Record,
    lenient,
    team::{Profile, Team, SCHEMA_VERSION},
    tree::FromTree,
};

impl TeamDocument {
    /// Opens saved bytes, checking that they are a team this build can read.
    /// For bytes from outside (a file or link): their nesting is checked
    /// too, before anything reads the document recursively.
    pub fn load(bytes: &[u8]) -> Result<(Self, Team), LoadError> {
        Self::load_checked(bytes, std::iter::empty::<&[u8]>(), true)
    }

    /// Opens a full save followed by incremental saves made after it: this
    /// browser's own storage.
    pub fn load_parts<'a>(
        full: &[u8],
        increments: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<(Self, Team), LoadError> {
        Self::load_checked(full, increments, false)
    }

    /// Opens this browser's own stored bytes whose team is already known
    /// from a trusted snapshot of exactly them (see
    /// [`crate::model::snapshot`]): the document is loaded and checked
    /// to be a team of this schema, with the id `team_id`, but the team is
    /// not read from it again; `flagged` are the records the snapshot
    /// found conflicting.
    pub fn load_parts_known<'a>(
        full: &[u8],
        increments: impl IntoIterator<Item = &'a [u8]>,
        team_id: &str,
        flagged: Vec<RecordRef>,
    ) -> Result<Self, LoadError> {
        let mut doc = load_all(full, increments)?;
        check_loaded(&mut doc)?;
        match doc.get(ROOT, "team_id") {
            Ok(Some((Value::Scalar(s), _))) if s.as_str() == Some(team_id) => {}
            _ => {
                return Err(LoadError::BadShape(
                    "the stored document belongs to another team".into(),
                ))
            }
        }
        let heads = doc.get_heads();
        Ok(Self::wrap(
            doc,
            team_id.to_string(),
            Some((heads.clone(), flagged)),
            heads,
        ))
    }

    fn load_checked<'a>(
        full: &[u8],
        increments: impl IntoIterator<Item = &'a [u8]>,
        from_outside: bool,
    ) -> Result<(Self, Team), LoadError> {
        check_size(full)?;
        if from_outside {
            super::guard::check(full)?;
        }
        let doc = load_all(full, increments)?;
        if from_outside {
            check_depth(&doc)?;
        }
        Self::from_loaded(doc)
    }

    /// Checks a freshly loaded document and wraps it.
    fn from_loaded(mut doc: AutoCommit) -> Result<(Self, Team), LoadError> {
        check_loaded(&mut doc)?;
        let tree = super::materialise::materialise(&doc, None);
        let team = Team::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))?;
        check_team(&team)?;
        let saved_heads = doc.get_heads();
        let flagged = Some((
            saved_heads.clone(),
            crate::model::conflicts::conflicted_records(&tree),
        ));
        Ok((
            Self::wrap(doc, team.team_id.clone(), flagged, saved_heads),
            team,
        ))
    }
}

/// One strict load of a full save and the increments after it: a damaged
/// increment is reported, never skipped.
fn load_all<'a>(
    full: &[u8],
    increments: impl IntoIterator<Item = &'a [u8]>,
) -> Result<AutoCommit, LoadError> {
    check_size(full)?;
    let mut all = full.to_vec();
    for chunk in increments {
        all.extend_from_slice(chunk);
    }
    AutoCommit::load(&all).map_err(|e| match e {
        // Recent changes alone, without the history they build on.
        AutomergeError::MissingDeps => LoadError::MissingHistory,
        e => LoadError::NotAutomerge(e.to_string()),
    })
}

/// What every freshly loaded document must be: whole (no history missing)
/// and a team of a schema this build reads.
fn check_loaded(doc: &mut AutoCommit) -> Result<(), LoadError> {
    if !doc.get_missing_deps(&[]).is_empty() {
        return Err(LoadError::MissingHistory);
    }
    check_root(doc)
}

/// The first check made before Automerge sees any bytes: their size.
pub(super) fn check_size(bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if bytes.len() > MAX_DOC_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: MAX_DOC_BYTES,
        });
    }
    Ok(())
}

/// Deeper than any team document nests (root, collection, record, list,
/// item, text is six): reading deeper input recursively could overflow
/// the stack.
pub const MAX_DEPTH: usize = 32;

/// Refuses nesting deeper than [`MAX_DEPTH`], in one walk over the
/// document without recursion (`ReadDoc::iter` visits parents before
/// children; asking each object for its values cost a seek apiece, half a
/// second on a large team). What a text holds is not counted: nothing
/// reads inside it but as characters.
pub(super) fn check_depth(doc: &AutoCommit) -> Result<(), LoadError> {
    use automerge::{iter::DocItem, ObjId, ValueRef};
    let mut depth: std::collections::HashMap<ObjId, usize> =
        std::collections::HashMap::from([(ROOT, 0)]);
    let mut current: (ObjId, Option<usize>) = (ROOT, Some(0));
    for item in doc.iter() {
        if *item.obj != current.0 {
            current = ((*item.obj).clone(), depth.get(&*item.obj).copied());
        }
        // Inside a text (its block markers): not counted.
        let Some(here) = current.1 else {
            continue;
        };
        let child = match &item.item {
            DocItem::Map(m) if matches!(m.value, ValueRef::Object(t) if t != ObjType::Text) => {
                m.id()
            }
            DocItem::List(l) if matches!(l.value, ValueRef::Object(t) if t != ObjType::Text) => {
                l.id()
            }
            _ => continue,
        };
        if here + 1 > MAX_DEPTH {
            return Err(LoadError::TooDeep { depth: MAX_DEPTH });
        }
        depth.insert(child, here + 1);
    }
    Ok(())
}

/// The schema version at the root is one this build reads.
pub(super) fn check_root(doc: &AutoCommit) -> Result<(), LoadError> {
    let version = match doc.get(ROOT, "schema") {
        Ok(Some((v, _))) => lenient::as_int(&v).ok_or(LoadError::NotRoundtable)?,
        _ => return Err(LoadError::NotRoundtable),
    };
    if version > SCHEMA_VERSION {
        return Err(LoadError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(LoadError::BadShape(format!(
            "schema version {version} does not exist"
        )));
    }
    Ok(())
}

/// The team's name, purpose and goals, in one pass over that object.
pub(super) fn read_profile(doc: &AutoCommit) -> Result<Profile, LoadError> {
    let obj = match doc.get(ROOT, "team") {
        Ok(Some((Value::Object(ObjType::Map), obj))) => obj,
        _ => return Err(LoadError::BadShape("the team profile is missing".into())),
    };
    let tree = ReadDoc::hydrate(doc, &obj, None).map_err(|e| LoadError::BadShape(e.to_string()))?;
    Profile::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))
}

/// The whole team in one pass over the document (see [`crate::model::tree`]).
pub(super) fn read_team(doc: &AutoCommit) -> Result<Team, LoadError> {
    let tree = super::materialise::materialise(doc, None);
    Team::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))
}

/// The team and the records with conflicting fields, in one walk.
pub(super) fn read_team_flagged(doc: &AutoCommit) -> Result<(Team, Vec<RecordRef>), LoadError> {
    let tree = super::materialise::materialise(doc, None);
    let team = Team::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))?;
    Ok((team, crate::model::conflicts::conflicted_records(&tree)))
}

/// Checks a loaded document against the schema and returns its content.
pub(super) fn validate(doc: &AutoCommit) -> Result<Team, LoadError> {
    check_root(doc)?;
    let team = read_team(doc)?;
    check_team(&team)?;
    Ok(team)
}

/// Whether every record of a kind is filed under its own id.
fn keyed_right<R: Record>(team: &Team) -> bool {
    R::all(team).iter().all(|(k, r)| k == r.id())
}

/// The checks on a team's content that its types cannot express.
fn check_team(team: &Team) -> Result<(), LoadError> {
    use crate::model::{Decision, Meeting, Member, Recognition, Role, Tension};
    if !is_valid_id(&team.team_id) {
        return Err(LoadError::BadShape(
            "the team id is missing or malformed".into(),
        ));
    }
    if !(keyed_right::<Member>(team)
        && keyed_right::<Role>(team)
        && keyed_right::<Decision>(team)
        && keyed_right::<Tension>(team)
        && keyed_right::<Meeting>(team)
        && keyed_right::<Recognition>(team))
    {
        return Err(LoadError::BadShape(
            "a record is filed under another record's id".into(),
        ));
    }
    Ok(())
}
