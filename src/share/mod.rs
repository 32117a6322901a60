//! Moving a team between browsers without a server: as a file, or inside a
//! link's `#fragment` (which browsers never send to a server).

pub mod link;
pub mod sealed;
#[cfg(target_arch = "wasm32")]
pub mod worker;

pub use link::{
    decode_fragment, decode_link, encode_fragment, encode_fragment_from, is_sealed_fragment,
    open_fragment, seal_fragment, Link, LinkError, Sender, LINK_CHAT_LIMIT,
};
