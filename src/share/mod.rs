//! Moving a team between browsers without a server: as a file, or inside a
//! link's `#fragment` (which browsers never send to a server).

pub mod link;

pub use link::{decode_fragment, encode_fragment, LinkError, LINK_CHAT_LIMIT};
