//! The open team's passphrase in this tab: setting it, retyping it after
//! a reload (checked, so a typo cannot make files nobody can open),
//! sealing what is sent and opening what arrives sealed; and when a copy
//! of the team last left this browser.

use base64::{engine::general_purpose::STANDARD, Engine};

use super::{vet::Input, Say, Session};
use crate::{
    share::{
        is_sealed_fragment, open_fragment,
        sealed::{self, SealError, MIN_PASSPHRASE_CHARS},
    },
    storage::{DeviceNotes, KeyValue},
};

/// What the check seals: any fixed text would do.
const CHECK: &[u8] = b"roundtable passphrase check";

impl<K: KeyValue> Session<K> {
    /// What this browser keeps about the open team for itself.
    pub fn device(&self) -> DeviceNotes {
        self.team_id()
            .map(|t| self.store.device(t))
            .unwrap_or_default()
    }

    fn set_device(&mut self, notes: &DeviceNotes) -> Result<(), Say> {
        let team = self
            .team_id()
            .ok_or_else(|| Say::Error("No team is open.".into()))?;
        let team = team.to_string();
        self.store
            .set_device(&team, notes)
            .map_err(|e| Say::Error(e.to_string()))
    }

    /// Whether files and links of the open team are encrypted.
    pub fn seals(&self) -> bool {
        self.device().seal_check.is_some()
    }

    /// Whether this tab knows the passphrase (set, retyped or remembered).
    pub fn unlocked(&self) -> bool {
        self.passphrase.is_some()
    }

    /// Encrypts the open team's files and links from now on with
    /// `passphrase` (typed twice); remembered on this device if asked.
    pub fn set_passphrase(
        &mut self,
        passphrase: &str,
        again: &str,
        remember: bool,
    ) -> Result<(), Say> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Say::Error(format!(
                "Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; a few words are easiest to share and hard to guess."
            )));
        }
        if passphrase != again {
            return Err(Say::Error(
                "The two passphrases differ: type the same one twice.".into(),
            ));
        }
        let check = sealed::seal(passphrase, CHECK).map_err(|e| Say::Error(e.to_string()))?;
        let mut notes = self.device();
        notes.seal_check = Some(STANDARD.encode(check));
        notes.remembered = remember.then(|| passphrase.to_string());
        self.set_device(&notes)?;
        self.passphrase = Some(passphrase.to_string());
        Ok(())
    }

    /// Takes the passphrase again in a new tab; refused unless it is the
    /// one that was set.
    pub fn unlock(&mut self, passphrase: &str, remember: bool) -> Result<(), Say> {
        let mut notes = self.device();
        let check = notes
            .seal_check
            .as_deref()
            .and_then(|c| STANDARD.decode(c).ok())
            .ok_or_else(|| Say::Error("No passphrase is set for this team.".into()))?;
        match sealed::open(passphrase, &check) {
            Ok(_) => {}
            Err(SealError::NoPassphrase) => return Err(Say::Error("Type the passphrase.".into())),
            Err(_) => {
                return Err(Say::Error(
                    "That is not the passphrase set for this team's files. Nothing was changed."
                        .into(),
                ))
            }
        }
        if remember {
            notes.remembered = Some(passphrase.to_string());
            self.set_device(&notes)?;
        }
        self.passphrase = Some(passphrase.to_string());
        Ok(())
    }

    /// Files and links made from now on are not encrypted; the passphrase
    /// is forgotten here.
    pub fn stop_sealing(&mut self) -> Result<(), Say> {
        let mut notes = self.device();
        notes.seal_check = None;
        notes.remembered = None;
        self.set_device(&notes)?;
        self.passphrase = None;
        Ok(())
    }

    /// Forgets a remembered passphrase (this tab still knows it).
    pub fn forget_passphrase(&mut self) -> Result<(), Say> {
        let mut notes = self.device();
        notes.remembered = None;
        self.set_device(&notes)
    }

    /// `bytes` as they leave this browser: sealed when the team says so.
    pub(super) fn seal_out(&self, bytes: Vec<u8>) -> Result<Vec<u8>, Say> {
        if !self.seals() {
            return Ok(bytes);
        }
        let pass = self.passphrase.as_deref().ok_or_else(locked)?;
        let _span = self.span("seal");
        sealed::seal(pass, &bytes).map_err(|e| Say::Error(e.to_string()))
    }

    /// A link's fragment as it leaves this browser.
    pub(super) fn seal_link(&self, fragment: String) -> Result<String, Say> {
        if !self.seals() {
            return Ok(fragment);
        }
        let pass = self.passphrase.as_deref().ok_or_else(locked)?;
        crate::share::seal_fragment(&fragment, pass).map_err(|e| Say::Error(e.to_string()))
    }

    /// The passphrase this tab knows, to try first on a sealed file.
    pub fn known_passphrase(&self) -> Option<String> {
        self.passphrase.clone()
    }

    /// Notes that a copy of the open team left this browser (a download,
    /// a link) or that a teammate's copy was taken in, at `now_ms`.
    pub fn noted_copy(&mut self, now_ms: f64) {
        let mut notes = self.device();
        notes.last_copy_ms = Some(now_ms);
        let _ = self.set_device(&notes);
    }

    /// On opening: the remembered passphrase, and when this browser first
    /// held the team (the backup reminder counts from there).
    pub(super) fn opened_here(&mut self, now_ms: f64) {
        let mut notes = self.device();
        self.passphrase = notes.remembered.clone();
        if notes.first_seen_ms.is_none() && notes.last_copy_ms.is_none() {
            notes.first_seen_ms = Some(now_ms);
            let _ = self.set_device(&notes);
        }
    }
}

/// Whether a file or link arrived sealed.
pub fn is_sealed_input(input: &Input) -> bool {
    match input {
        Input::Bytes(b) => sealed::is_sealed(b),
        Input::Link(f) => is_sealed_fragment(f),
    }
}

/// What a sealed file or link holds, opened with `passphrase`; other
/// input as it is. Nothing is stored or changed either way.
pub fn unseal(input: Input, passphrase: &str) -> Result<Input, SealError> {
    match input {
        Input::Bytes(b) if sealed::is_sealed(&b) => sealed::open(passphrase, &b).map(Input::Bytes),
        Input::Link(f) if is_sealed_fragment(&f) => open_fragment(&f, passphrase).map(Input::Link),
        other => Ok(other),
    }
}

fn locked() -> Say {
    Say::Error(
        "This team's files and links are encrypted: type its passphrase under Share with teammates first.".into(),
    )
}
