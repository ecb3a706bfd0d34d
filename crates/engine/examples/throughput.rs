//! Analyse a file N times and print the throughput: a quick profiling aid
//! (`cargo run --release --example throughput -- FILE [N]`). The criterion
//! benchmark in `benches/` is the reference measurement.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: throughput FILE [N]");
    let n: usize = args.next().map_or(3, |s| s.parse().expect("N is a number"));
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let analyzer = factgrid_engine::Analyzer::new(&factgrid_engine::Profile::default_profile());
    let start = Instant::now();
    let mut cells = 0;
    for _ in 0..n {
        cells += analyzer.analyze(&text).cells.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (text.len() * n) as f64 / 1048576.0;
    println!("{mb:.1} MiB in {secs:.3} s: {:.1} MiB/s ({cells} cells)", mb / secs);
}
