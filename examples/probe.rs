use std::time::Instant;
fn main() {
    let bytes = std::fs::read("target/bench/large.automerge").unwrap();
    let week = std::fs::read("target/bench/week.automerge").unwrap();
    let mut doc = automerge::AutoCommit::load(&bytes).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let e = automerge::AutoCommit::load(&week).err();
        let a = t.elapsed();
        let t = Instant::now();
        let mut f = doc.fork();
        let b = t.elapsed();
        let t = Instant::now();
        f.update_diff_cursor();
        let n = f.load_incremental(&week).unwrap();
        let c = t.elapsed();
        let t = Instant::now();
        let patches = f.diff_incremental();
        let d = t.elapsed();
        if let Some(p) = patches.first() {
            println!("{:?}", p.path);
        }
        println!("probe-load {a:?} {e:?} fork {b:?} apply {c:?} ({n}) diff {d:?} ({} patches) missing {}", patches.len(), f.get_missing_deps(&[]).len());
    }
}
