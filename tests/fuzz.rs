//! Fuzzing the import path natively, on stable Rust: seeded mutations of
//! real saves, deltas and links (bit flips, truncations, one character of
//! a link changed, chunks cut, repeated and glued to other teams' saves,
//! edits inside chunks with their checksum repaired), crafted changes,
//! deep nesting and bombs — each put through what the browser does: the
//! import worker's check (a panic there costs only the worker), then, when
//! it passes, the page's own import.
//!
//! Counted: panics contained by the worker, panics that would reach the
//! page (must be 0), refused inputs that changed storage (must be 0),
//! accepted inputs that leave a team that cannot be opened (must be 0),
//! and the slowest input. `ROUNDTABLE_FUZZ_SECONDS` runs it for that long
//! instead of a fixed number of inputs (`scripts/fuzz`); new kinds of panic
//! are written to `target/fuzz-findings/`.
#[cfg(not(target_arch = "wasm32"))]
mod common;

/// Runs natively only: on wasm (checked by clippy) there is nothing to run.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::{
        collections::BTreeMap,
        panic::{catch_unwind, AssertUnwindSafe},
        sync::Mutex,
        time::{Duration, Instant},
    };

    use super::common::{hostile, NOW, TODAY};
    use automerge::{transaction::Transactable, AutoCommit, ObjType, ReadDoc, ROOT};
    use roundtable::{
        model::edits::DecisionField,
        session::{
            vet::{Input, Verdict, Vetter},
            Imported, Session,
        },
        share::{decode_link, encode_fragment},
        storage::MemoryKv,
    };
    use sha2::{Digest, Sha256};

    /// Inputs run by the test command.
    const DEFAULT_INPUTS: usize = 1500;

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*: deterministic for a seed.
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Ana's team with some history, and a teammate's delta on it.
    struct Corpus {
        kv: MemoryKv,
        team: Vec<u8>,
        inputs: Vec<Vec<u8>>,
        links: Vec<String>,
        others: Vec<Vec<u8>>,
        /// Nesting and bombs, made once.
        hostile: Vec<Vec<u8>>,
    }

    fn corpus() -> Corpus {
        let mut ana = Session::new(MemoryKv::default());
        ana.create("Platform", "Keep the lights on", "Ana", TODAY, NOW)
            .unwrap();
        for i in 0..3 {
            let d = ana
                .edit(NOW, |doc, s| doc.add_decision(s, &format!("Decision {i}")))
                .unwrap()
                .value;
            ana.edit(NOW, |doc, s| {
                doc.set_decision(s, &d, DecisionField::Tags(vec!["ops".into()]), TODAY)
            })
            .unwrap();
        }
        ana.edit(NOW, |doc, s| doc.add_role(s, "Host")).unwrap();
        let team = ana.team_bytes().unwrap();
        let mut bo = Session::new(MemoryKv::default());
        bo.import(team.clone(), None);
        let heads = {
            let mut d = AutoCommit::load(&team).unwrap();
            d.get_heads()
        };
        bo.edit(NOW, |doc, s| doc.add_member(s, "Bo", TODAY))
            .unwrap();
        bo.edit(NOW, |doc, s| {
            doc.set_team_purpose(s, "Keep the lights on, always")
        })
        .unwrap();
        let bo_file = bo.team_bytes().unwrap();
        // Bo's whole file with one more change on top: a document chunk
        // followed by a change chunk.
        let mut two_chunks = bo_file.clone();
        {
            let mut d = AutoCommit::load(&bo_file).unwrap();
            let h = d.get_heads();
            d.put(ROOT, "note", "x").unwrap();
            d.commit();
            two_chunks.extend(d.save_after(&h));
        }
        let mut raw = AutoCommit::load(&bo_file).unwrap();
        let delta = raw.save_after(&heads);
        let mut other = Session::new(MemoryKv::default());
        other.create("Finance", "Count", "Cy", TODAY, NOW).unwrap();
        let mut hostile = Vec::new();
        for levels in [40, 200, 600] {
            hostile.push(hostile::nested(&team, levels));
            hostile.push(hostile::nested_delta(&team, levels));
        }
        hostile.push(hostile::compression_bomb(64 << 20));
        hostile.push(hostile::text_bomb(&team, 300_000));
        Corpus {
            hostile,
            kv: ana.store().kv().clone(),
            links: vec![encode_fragment(&bo_file), encode_fragment(&delta)],
            inputs: vec![bo_file, delta, team.clone(), two_chunks],
            team,
            others: vec![other.team_bytes().unwrap()],
        }
    }

    /// Fixes the checksum of every chunk whose layout is intact, so that an
    /// edit inside one reaches Automerge's decoders instead of its checksum.
    fn repair_checksums(bytes: &mut [u8]) {
        let mut pos = 0;
        while pos + 9 <= bytes.len() && bytes[pos..pos + 4] == [0x85, 0x6f, 0x4a, 0x83] {
            let (mut len, mut shift, mut at) = (0usize, 0, pos + 9);
            while at < bytes.len() && shift < 35 {
                len |= usize::from(bytes[at] & 0x7f) << shift;
                shift += 7;
                at += 1;
                if bytes[at - 1] & 0x80 == 0 {
                    break;
                }
            }
            let Some(end) = at.checked_add(len).filter(|e| *e <= bytes.len()) else {
                return;
            };
            let mut h = Sha256::new();
            h.update(&bytes[pos + 8..at]);
            h.update(&bytes[at..end]);
            let digest = h.finalize();
            bytes[pos + 4..pos + 8].copy_from_slice(&digest[..4]);
            pos = end;
        }
    }

    fn mutate(rng: &mut Rng, c: &Corpus) -> Input {
        let pick = |rng: &mut Rng, v: &[Vec<u8>]| v[rng.below(v.len())].clone();
        match rng.below(10) {
            // One character of a real link changed.
            0 | 1 => {
                let link = &c.links[rng.below(c.links.len())];
                let mut chars: Vec<char> = link.chars().collect();
                let at = 5 + rng.below(chars.len() - 5);
                const ALPHABET: &[u8] =
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                chars[at] = ALPHABET[rng.below(ALPHABET.len())] as char;
                Input::Link(chars.into_iter().collect())
            }
            // Bit flips, checksums repaired half of the time.
            2 | 3 => {
                let mut b = pick(rng, &c.inputs);
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(b.len());
                    b[at] ^= 1 << rng.below(8);
                }
                if rng.below(2) == 0 {
                    repair_checksums(&mut b);
                }
                Input::Bytes(b)
            }
            // A byte set to an edge value, checksum repaired.
            4 => {
                let mut b = pick(rng, &c.inputs);
                let at = rng.below(b.len());
                b[at] = [0x00, 0x7f, 0x80, 0xff][rng.below(4)];
                repair_checksums(&mut b);
                Input::Bytes(b)
            }
            // Cut short, or a piece repeated.
            5 => {
                let mut b = pick(rng, &c.inputs);
                let cut = rng.below(b.len());
                if rng.below(2) == 0 {
                    b.truncate(cut);
                } else {
                    let piece = b[cut..].to_vec();
                    b.extend(piece);
                }
                Input::Bytes(b)
            }
            // Glued to another team's save.
            6 => {
                let mut b = pick(rng, &c.inputs);
                b.extend(pick(rng, &c.others));
                Input::Bytes(b)
            }
            // Crafted changes made with Automerge's own API.
            7 => Input::Bytes(crafted(rng, &c.team)),
            // Deep nesting and bombs.
            _ => Input::Bytes(pick(rng, &c.hostile)),
        }
    }

    /// A teammate's change that breaks the schema in some way.
    fn crafted(rng: &mut Rng, team: &[u8]) -> Vec<u8> {
        let mut doc = AutoCommit::load(team).unwrap();
        let heads = doc.get_heads();
        match rng.below(6) {
            0 => drop(doc.put(ROOT, "team_id", "t_elsewhere00")),
            1 => drop(doc.put(ROOT, "schema", 99)),
            2 => drop(doc.put(ROOT, "decisions", "not a map")),
            3 => drop(doc.put_object(ROOT, "roles", ObjType::List)),
            4 => drop(doc.delete(ROOT, "team")),
            _ => {
                if let Ok(Some((_, members))) = doc.get(ROOT, "members") {
                    let _ = doc.put(&members, "m_junk", 7);
                }
            }
        }
        doc.commit();
        doc.save_after(&heads)
    }

    static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

    #[derive(Default, Debug)]
    struct Counts {
        inputs: usize,
        contained_panics: usize,
        page_panics: usize,
        changed_on_refusal: usize,
        unopenable: usize,
        accepted: usize,
        slowest: Duration,
        kinds: BTreeMap<String, usize>,
    }

    fn run(c: &Corpus, input: Input, counts: &mut Counts, findings: &std::path::Path) {
        counts.inputs += 1;
        let mut session = Session::new(c.kv.clone());
        let _ = session.start();
        let (team, stored) = session.stored_team().unwrap();
        let started = Instant::now();
        let verdict = catch_unwind(AssertUnwindSafe(|| {
            let mut v = Vetter::new();
            v.hold(&stored).unwrap();
            v.vet(Some(&team), &input)
        }));
        let verdict = match verdict {
            Ok(v) => v,
            Err(_) => {
                counts.contained_panics += 1;
                let place = LAST_PANIC.lock().unwrap().take().unwrap_or_default();
                let n = counts.kinds.entry(place.clone()).or_default();
                *n += 1;
                if *n == 1 {
                    let _ = std::fs::create_dir_all(findings);
                    let name = place
                        .rsplit("/src/")
                        .next()
                        .unwrap_or_default()
                        .replace(['/', ':', '\\', '.'], "-");
                    let crate_name = place
                        .split('/')
                        .find(|p| p.starts_with("automerge-") || p.starts_with("hexane-"))
                        .unwrap_or("other");
                    let (bytes, ext) = match &input {
                        Input::Bytes(b) => (b.clone(), "bin"),
                        Input::Link(l) => (l.clone().into_bytes(), "link"),
                    };
                    let stem = format!("{crate_name}-{name}");
                    let _ = std::fs::write(findings.join(format!("{stem}.{ext}")), bytes);
                    // The team it was imported into, to replay it against.
                    let _ = std::fs::write(findings.join(format!("{stem}.base")), &c.team);
                }
                counts.slowest = counts.slowest.max(started.elapsed());
                return;
            }
        };
        let before = session.store().kv().map.clone();
        let (bytes, from) = match &input {
            Input::Bytes(b) => (b.clone(), None),
            Input::Link(l) => match decode_link(l) {
                Ok(link) => (link.bytes, link.from),
                Err(_) => (Vec::new(), None),
            },
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| match verdict {
            Verdict::Refused(_) => None,
            _ => Some(session.import(bytes, from)),
        }));
        counts.slowest = counts.slowest.max(started.elapsed());
        match outcome {
            Err(_) => counts.page_panics += 1,
            Ok(None) => {
                if session.store().kv().map != before {
                    counts.changed_on_refusal += 1;
                }
            }
            Ok(Some(Imported::Merged { .. })) => {
                counts.accepted += 1;
                let mut again = Session::new(session.store().kv().clone());
                if again.open(&team).is_err() {
                    counts.unopenable += 1;
                }
            }
            Ok(Some(_)) => {
                if session.store().kv().map != before {
                    counts.changed_on_refusal += 1;
                }
            }
        }
    }

    pub fn main() {
        std::panic::set_hook(Box::new(|info| {
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            *LAST_PANIC.lock().unwrap() = Some(place);
        }));
        let seconds: Option<u64> = std::env::var("ROUNDTABLE_FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok());
        let seed: u64 = std::env::var("ROUNDTABLE_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x5eed_f00d);
        let findings =
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
        let c = corpus();
        let mut rng = Rng(seed);
        let mut counts = Counts::default();
        let until = seconds.map(|s| Instant::now() + Duration::from_secs(s));
        loop {
            match until {
                Some(t) if Instant::now() >= t => break,
                None if counts.inputs >= DEFAULT_INPUTS => break,
                _ => {}
            }
            let input = mutate(&mut rng, &c);
            run(&c, input, &mut counts, &findings);
        }
        println!("fuzz: seed {seed:#x}");
        println!(
            "fuzz: {} inputs, {} accepted",
            counts.inputs, counts.accepted
        );
        println!(
            "fuzz: {} panics contained by the import worker, in {} places:",
            counts.contained_panics,
            counts.kinds.len()
        );
        for (place, n) in &counts.kinds {
            println!("fuzz:   {n} at {place}");
        }
        println!("fuzz: {} panics reaching the page", counts.page_panics);
        println!(
            "fuzz: {} refused inputs that changed storage",
            counts.changed_on_refusal
        );
        println!(
            "fuzz: {} accepted inputs leaving a team that cannot be opened",
            counts.unopenable
        );
        println!("fuzz: slowest input {} ms", counts.slowest.as_millis());
        let failed = counts.page_panics + counts.changed_on_refusal + counts.unopenable;
        // The test command counts lines like cargo's own.
        println!(
            "test result: {}. {} passed; {} failed;",
            if failed == 0 { "ok" } else { "FAILED" },
            usize::from(failed == 0),
            usize::from(failed != 0)
        );
        if failed != 0 {
            std::process::exit(1);
        }
    }
}
