//! What one member has done for the team's leadership, read from the
//! record: their figures (the same as on the Insights screen) and the
//! recognition they received, newest first.

use super::{
    insights::{self, MemberFigures},
    recognition::Recognition,
    team::Team,
};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contributions<'a> {
    pub figures: MemberFigures,
    /// Newest first.
    pub received: Vec<&'a Recognition>,
}

pub fn of<'a>(team: &'a Team, member: &str) -> Contributions<'a> {
    let mut received: Vec<&Recognition> = team
        .recognitions
        .values()
        .filter(|r| r.to.iter().any(|t| t == member))
        .collect();
    crate::model::order::sort_by(&mut received, |a, b| {
        (&b.date, b.created_at, &b.id).cmp(&(&a.date, a.created_at, &a.id))
    });
    Contributions {
        figures: insights::of_member(team, member),
        received,
    }
}
