//! Speed and size on generated teams, measured natively. Prints one figure
//! per line as `name: value unit` and leaves the generated teams in
//! `target/bench/` for the browser half (`tests/bench/browser.mjs`). Run both
//! with `scripts/bench`. The `_native` figures are the counterparts of the
//! browser's, outside it.
// Sorts here are not in the page (see clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::time::Instant;

use roundtable::{
    model::{edits::DecisionField, Delta, Stamp, TeamDocument},
    session::vet::{Input, Vetter},
    share::encode_fragment,
    workload::{generate, week_of_work, LARGE, SMALL},
};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn p95(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn figure(name: &str, value: f64, unit: &str) {
    if value.fract() == 0.0 {
        println!("{name}: {value:.0} {unit}");
    } else {
        println!("{name}: {value:.2} {unit}");
    }
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (e.g. a filter) is ignored.
    let t = Instant::now();
    let (mut small, _) = generate(SMALL, 1).expect("small team");
    figure("small_generate_ms", ms(t), "ms");
    figure(
        "small_team_link_chars",
        (encode_fragment(&small.save()).len() + 1) as f64,
        "chars",
    );

    // ROUNDTABLE_BENCH_DECISIONS scales the large team down, to study growth.
    let mut spec = LARGE;
    if let Some(n) = std::env::var("ROUNDTABLE_BENCH_DECISIONS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        spec.decisions = n;
    }
    let t = Instant::now();
    let (mut large, members) = generate(spec, 1).expect("large team");
    figure("large_generate_s", t.elapsed().as_secs_f64(), "s");
    figure("large_changes", large.history().len() as f64, "changes");
    let bytes = large.save();
    figure("large_doc_bytes", bytes.len() as f64, "bytes");
    let json = serde_json::to_string(&automerge::AutoSerde::from(large.automerge())).expect("json");
    figure("large_json_bytes", json.len() as f64, "bytes");

    let opens: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let _ = TeamDocument::load(&bytes).expect("loads");
            ms(t)
        })
        .collect();
    figure("large_open_native_ms", median(opens), "ms");
    let parses: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let _: serde_json::Value = serde_json::from_str(&json).expect("parses");
            ms(t)
        })
        .collect();
    figure("json_parse_baseline_native_ms", median(parses), "ms");

    // The snapshot a large team could paint from (#16): its size, and
    // reading it back as the model's team, against opening the document.
    {
        use roundtable::model::snapshot::{decode, encode, Covers};
        let (_, team) = TeamDocument::load(&bytes).expect("loads");
        let covers = Covers {
            doc: 1,
            chunks: Vec::new(),
        };
        let snap = encode(&team, &[], &covers);
        figure("large_snapshot_chars", snap.len() as f64, "chars");
        let reads: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                let _ = decode(&snap, &team.team_id, &covers).expect("reads");
                ms(t)
            })
            .collect();
        figure("large_snapshot_read_native_ms", median(reads), "ms");
        // After painting from a trusted snapshot: the document alone,
        // without reading the team from it again.
        let known: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let doc = TeamDocument::load_parts_known(
                    &bytes,
                    std::iter::empty::<&[u8]>(),
                    &team.team_id,
                    Vec::new(),
                )
                .expect("loads");
                let took = ms(t);
                drop(doc);
                took
            })
            .collect();
        figure("large_open_known_native_ms", median(known), "ms");
    }

    let (mut doc, team) = TeamDocument::load(&bytes).expect("loads");
    let id = team.decisions.keys().next().expect("a decision").clone();
    let stamp = Stamp::new(Some(&members[0]), 0);
    let mut edits = Vec::new();
    let mut persists = Vec::new();
    let mut title = String::from("Typed title ");
    for i in 0..200 {
        if i % 100 == 0 {
            title = String::from("Typed title ");
        }
        title.push(char::from(b'a' + (i % 26) as u8));
        let t = Instant::now();
        doc.set_decision(
            &stamp,
            &id,
            DecisionField::Title(title.clone()),
            "2026-01-01",
        )
        .expect("edit");
        let _ = doc.decision(&id);
        edits.push(ms(t));
        let t = Instant::now();
        let chunk = doc.save_incremental();
        assert!(!chunk.is_empty());
        persists.push(ms(t));
    }
    figure("edit_record_p95_native_ms", p95(edits), "ms");
    figure("persist_p95_native_ms", p95(persists), "ms");

    let t = Instant::now();
    let mut week = week_of_work(&bytes, 1_000, 2).expect("week");
    figure("week_generate_ms", ms(t), "ms");
    let heads = TeamDocument::load(&bytes).expect("loads").0.heads();
    // What "Send to" makes for a teammate known to have `heads`.
    let delta = match week.changes_for(&heads) {
        Delta::Changes(b) => b,
        other => panic!("expected only the week's changes, got {other:?}"),
    };
    figure(
        "week_delta_raw_bytes",
        week.save_after_bytes(&heads).len() as f64,
        "bytes",
    );
    figure("week_delta_bytes", delta.len() as f64, "bytes");
    figure(
        "week_delta_link_chars",
        (encode_fragment(&delta).len() + 1) as f64,
        "chars",
    );
    let merges: Vec<f64> = (0..5)
        .map(|_| {
            let (mut base, _) = TeamDocument::load(&bytes).expect("loads");
            let t = Instant::now();
            base.merge_bytes(&delta).expect("merges");
            ms(t)
        })
        .collect();
    figure("merge_week_native_ms", median(merges), "ms");
    // The import worker's check of the same week, and the page's merge of
    // it when the worker's copy had the page's heads.
    let mut vetter = Vetter::new();
    vetter.hold(&bytes).expect("holds");
    let team = TeamDocument::load(&bytes)
        .expect("loads")
        .0
        .team_id()
        .to_string();
    let mut hint = None;
    let vets: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            hint = vetter
                .vet_merge(Some(&team), &Input::Bytes(delta.clone()))
                .1;
            ms(t)
        })
        .collect();
    figure("merge_week_vet_native_ms", median(vets), "ms");
    let hint = hint.expect("the week is safe");
    let merges: Vec<f64> = (0..5)
        .map(|_| {
            let (mut base, _) = TeamDocument::load(&bytes).expect("loads");
            let t = Instant::now();
            base.merge_vetted(&delta, &hint)
                .expect("the same heads")
                .expect("merges");
            ms(t)
        })
        .collect();
    figure("merge_week_vetted_native_ms", median(merges), "ms");

    // What the browser half of the benchmark (tests/bench/browser.mjs) opens.
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).expect("target/bench");
    std::fs::write(out.join("large.automerge"), &bytes).expect("write");
    std::fs::write(out.join("large.json"), &json).expect("write");
    std::fs::write(out.join("week.automerge"), &delta).expect("write");
    std::fs::write(out.join("small.automerge"), small.save()).expect("write");
}
