//! How long compiling the default profile takes (`Analyzer::new`).
use std::time::Instant;

fn main() {
    let profile = factgrid_engine::Profile::default_profile();
    let start = Instant::now();
    let n = 20;
    for _ in 0..n {
        std::hint::black_box(factgrid_engine::Analyzer::new(&profile));
    }
    println!("Analyzer::new: {:.2} ms", start.elapsed().as_secs_f64() * 1000.0 / n as f64);
}
