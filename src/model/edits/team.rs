//! Edits to the team itself: creating it, its name, purpose and goals.

use super::*;

impl TeamDocument {
    /// A new team with the person creating it as its first member.
    /// Returns the document and that member's id.
    pub fn create(
        name: &str,
        purpose: &str,
        founder: &str,
        today: &str,
        now_ms: i64,
    ) -> Result<(TeamDocument, String), EditError> {
        let name = clean_name("team name", name)?;
        let founder = clean_name("your name", founder)?;
        check_prose("purpose", purpose)?;
        let mut team = Team::new(new_id('t'), &name, purpose, now_ms);
        let member_id = new_id('m');
        team.members.insert(
            member_id.clone(),
            Member::new(member_id.clone(), &founder, today),
        );
        let doc = TeamDocument::from_team(&team, &Stamp::new(Some(&member_id), now_ms))?;
        Ok((doc, member_id))
    }

    pub fn set_team_name(&mut self, stamp: &Stamp, name: &str) -> Result<(), EditError> {
        let name = clean_name("team name", name)?;
        self.change(stamp, |e| e.set_team_name(&name))
    }

    pub fn set_team_purpose(&mut self, stamp: &Stamp, purpose: &str) -> Result<(), EditError> {
        check_prose("purpose", purpose)?;
        self.change(stamp, |e| e.set_team_text("purpose", purpose))
    }

    /// Adds a goal (strategic priority) to the team. Returns its id.
    pub fn add_goal(&mut self, stamp: &Stamp, title: &str) -> Result<String, EditError> {
        let title = clean_name("goal", title)?;
        let gid = new_id('g');
        let goal = Goal {
            id: gid.clone(),
            title,
            description: Text::default(),
        };
        self.change(stamp, |e| e.insert_goal(&goal))?;
        Ok(gid)
    }
}
