//! Work on many items with several threads, results in input order.
//!
//! Plain std: scoped threads take the next index from an atomic counter and
//! send their result down a channel; the calling thread puts results back
//! in order and hands each to a sink as soon as all before it are done. A
//! window bounds how far the workers may run ahead of the sink, so memory
//! stays bounded when one early item is slow. Output is the same whatever
//! the number of threads.

use std::collections::BTreeMap;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::Duration;

/// Run `work` on every item with `jobs` threads and give the results to
/// `sink` in item order. A `work` that panics gives `Err(message)` for
/// that item; the others go on. `idle` runs on the calling thread about
/// every `tick` while it waits (to redraw a progress bar). If `sink`
/// fails, the workers stop after their current item and the error is
/// returned.
pub fn ordered<I, T>(
    items: &[I],
    jobs: usize,
    work: impl Fn(&I) -> T + Sync,
    mut sink: impl FnMut(usize, Result<T, String>) -> io::Result<()>,
    tick: Duration,
    mut idle: impl FnMut(),
) -> io::Result<()>
where
    I: Sync,
    T: Send,
{
    let jobs = jobs.clamp(1, items.len().max(1));
    let window = 4 * jobs + 4;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let written = Mutex::new(0usize);
    let moved = Condvar::new();
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<(usize, Result<T, String>)>();
        for _ in 0..jobs {
            let tx = tx.clone();
            let (work, next, stop, written, moved) = (&work, &next, &stop, &written, &moved);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() {
                    return;
                }
                {
                    let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *w + window && !stop.load(Ordering::Relaxed) {
                        w = moved.wait(w).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let result = catch_unwind(AssertUnwindSafe(|| work(&items[i]))).map_err(panic_message);
                if tx.send((i, result)).is_err() {
                    return;
                }
            });
        }
        drop(tx);

        let mut pending = BTreeMap::new();
        let mut done = 0;
        let result = loop {
            match rx.recv_timeout(tick) {
                Ok((i, r)) => {
                    pending.insert(i, r);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    idle();
                    continue;
                }
                // Every worker has finished (and every item was sent).
                Err(mpsc::RecvTimeoutError::Disconnected) => break Ok(()),
            }
            let mut failed = None;
            while let Some(r) = pending.remove(&done) {
                if let Err(e) = sink(done, r) {
                    failed = Some(e);
                    break;
                }
                done += 1;
            }
            *written.lock().unwrap_or_else(|e| e.into_inner()) = done;
            moved.notify_all();
            if let Some(e) = failed {
                break Err(e);
            }
        };
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            moved.notify_all();
        }
        drop(rx);
        result
    })
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(items: &[u64], jobs: usize) -> Vec<(usize, u64)> {
        let mut got = Vec::new();
        ordered(
            items,
            jobs,
            |&n| {
                // Later items finish first.
                std::thread::sleep(Duration::from_millis(n));
                n * 10
            },
            |i, r| {
                got.push((i, r.unwrap()));
                Ok(())
            },
            Duration::from_millis(5),
            || {},
        )
        .unwrap();
        got
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..40).map(|i| (40 - i) % 7).collect();
        let want: Vec<(usize, u64)> = items.iter().enumerate().map(|(i, &n)| (i, n * 10)).collect();
        for jobs in [1, 2, 3, 8, 100] {
            assert_eq!(run(&items, jobs), want, "jobs {jobs}");
        }
        assert_eq!(run(&[], 4), []);
    }

    #[test]
    fn a_panicking_item_is_an_error_and_the_rest_go_on() {
        let mut got = Vec::new();
        ordered(
            &[1, 0, 2],
            2,
            |&n| 10 / n,
            |i, r| {
                got.push((i, r.map_err(|e| e.contains("divide by zero"))));
                Ok(())
            },
            Duration::from_millis(5),
            || {},
        )
        .unwrap();
        assert_eq!(got, [(0, Ok(10)), (1, Err(true)), (2, Ok(5))]);
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let worked = AtomicUsize::new(0);
        let items: Vec<u32> = (0..10_000).collect();
        let err = ordered(
            &items,
            2,
            |_| worked.fetch_add(1, Ordering::Relaxed),
            |i, _| if i == 3 { Err(io::ErrorKind::BrokenPipe.into()) } else { Ok(()) },
            Duration::from_millis(5),
            || {},
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        let worked = worked.load(Ordering::Relaxed);
        assert!(worked < 100, "the workers stop within the window, not after {worked} items");
    }

    #[test]
    fn the_workers_stay_within_the_window_of_a_slow_first_item() {
        let ahead = AtomicUsize::new(0);
        let items: Vec<u64> = (0..200).collect();
        ordered(
            &items,
            2,
            |&n| {
                if n == 0 {
                    std::thread::sleep(Duration::from_millis(100));
                } else {
                    ahead.fetch_max(n as usize, Ordering::Relaxed);
                }
            },
            |i, _| {
                if i == 0 {
                    let a = ahead.load(Ordering::Relaxed);
                    assert!(a <= 4 * 2 + 4, "{a} items done while the first was pending");
                }
                Ok(())
            },
            Duration::from_millis(5),
            || {},
        )
        .unwrap();
    }
}
