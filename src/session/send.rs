//! What to send a teammate: the whole team, or only what they lack, as a
//! file or inside a link that says who made it.

use super::{Payload, Say, Session};
use crate::{
    model::Delta,
    share::{encode_fragment, encode_fragment_from, Sender},
    storage::KeyValue,
};

const SEALED: &str = " It is encrypted: it opens with the team's passphrase.";

impl<K: KeyValue> Session<K> {
    /// The whole open team, for a file or link.
    pub fn team_bytes(&mut self) -> Option<Vec<u8>> {
        self.ready();
        self.open.as_mut().map(|o| o.doc.export())
    }

    /// What to send `member`: only what they lack when they sent us their
    /// heads before, else the whole team.
    pub fn changes_for(&mut self, member: &str) -> Option<Delta> {
        self.ready();
        let heads = self.peer_heads(member);
        self.open.as_mut().map(|o| o.doc.changes_for(&heads))
    }

    /// Who this browser is and the heads it has, for a link it makes.
    pub fn sender(&mut self) -> Option<Sender> {
        self.ready();
        let member_id = self.me.clone()?;
        let heads = self.open.as_mut()?.doc.heads();
        Some(Sender {
            member_id,
            heads: heads.into_iter().map(|h| h.0).collect(),
        })
    }

    /// What a file or link for `to` (a member id; `None`: anyone) carries,
    /// and in words; or why there is nothing to send.
    pub fn payload(&mut self, to: Option<&str>) -> Result<Payload, Say> {
        let mut payload = self.plain_payload(to)?;
        payload.bytes = self.seal_out(payload.bytes)?;
        if self.seals() {
            payload.what.push_str(SEALED);
        }
        Ok(payload)
    }

    fn plain_payload(&mut self, to: Option<&str>) -> Result<Payload, Say> {
        self.ready();
        let no_team = || Say::Error("No team is open.".into());
        let Some(to) = to.filter(|t| !t.is_empty()) else {
            let bytes = self.team_bytes().ok_or_else(no_team)?;
            return Ok(Payload {
                bytes,
                what: "It carries the whole team.".into(),
            });
        };
        let name = self
            .open
            .as_ref()
            .and_then(|o| o.doc.member(to))
            .map(|m| m.name)
            .unwrap_or_else(|| "This teammate".into());
        match self.changes_for(to).ok_or_else(no_team)? {
            Delta::Nothing => Err(Say::Info(format!(
                "{name} already has everything you have: there is nothing to send."
            ))),
            Delta::Changes(bytes) => Ok(Payload {
                bytes,
                what: format!("It carries only the changes {name} has not seen yet."),
            }),
            Delta::Whole(bytes) => Ok(Payload {
                bytes,
                what: format!(
                    "It carries the whole team: {name} has not sent you anything from this browser yet, so what they have is unknown."
                ),
            }),
        }
    }

    /// A link's fragment (without `#`) for `to`, saying who made it when
    /// this browser knows who it is; with the payload's words.
    pub fn link_fragment(&mut self, to: Option<&str>) -> Result<(String, String), Say> {
        let payload = self.plain_payload(to)?;
        let fragment = match self.sender() {
            Some(from) => encode_fragment_from(&payload.bytes, &from),
            None => encode_fragment(&payload.bytes),
        };
        let what = if self.seals() {
            payload.what + SEALED
        } else {
            payload.what
        };
        Ok((self.seal_link(fragment)?, what))
    }
}
