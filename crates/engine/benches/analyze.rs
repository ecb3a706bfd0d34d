//! Throughput of `Analyzer::analyze` on article-like text of 5 KB to 10 MB.
//!
//! The input is made by repeating a paragraph set written for this
//! benchmark (quotes, reported speech, pronouns, figures), so the work per
//! byte is like a real article's. Criterion prints the throughput for each
//! size; the per-byte cost at 10 MB should stay within 2x of 5 KB.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use factgrid_engine::{Analyzer, Profile};

const PARAGRAPHS: &str = "Truce talks resume in Geneva as both sides trade blame\n\
The Kremlin said on Tuesday that it was studying the American proposal for a 30-day ceasefire. \
Dmitry Peskov, the Kremlin spokesman, told reporters that Moscow backed a pause in principle but wanted guarantees.\n\
\u{201c}We will not give up an inch of our land,\u{201d} President Volodymyr Zelensky said in his nightly address. \u{201c}Never.\u{201d}\n\
Secretary of State Marco Rubio said Washington would keep pressing both sides, adding that the offer remained on the table.\n\
According to the Russian defence ministry, Ukraine now holds less than 150 sq. km in the Kursk region, down from about 1,300 sq. km.\n\
He added that talks could resume next week. Kyiv has not agreed to cede any territory, and its foreign minister rejected the idea outright.\n\
Analysts note that the front line has barely moved; Russian forces occupy nearly one-fifth of the country.\n";

fn article(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + PARAGRAPHS.len());
    while s.len() < bytes {
        s.push_str(PARAGRAPHS);
    }
    s
}

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::new(&Profile::default_profile());
    let mut group = c.benchmark_group("analyze");
    for (name, size) in [("5KB", 5 << 10), ("100KB", 100 << 10), ("1MB", 1 << 20), ("10MB", 10 << 20)] {
        let text = article(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size >= 1 << 20 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| analyzer.analyze(t))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
